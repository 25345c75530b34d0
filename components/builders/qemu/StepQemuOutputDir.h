#pragma once

#include "components/builders/qemu/QemuBuildState.h"
#include "engine/build/Step.h"

namespace kiln::components {

// Creates the output directory (Packer's stepPrepareOutputDir plus the PackerForce check of
// its Prepare); on a failed or cancelled build the half-built directory is removed.
class StepQemuOutputDir : public build::Step
{
public:
    explicit StepQemuOutputDir(QemuBuildState &state)
        : m_state(state)
    {
    }
    QString name() const override { return QStringLiteral("StepQemuOutputDir"); }
    build::StepAction run(build::BuildContext &ctx) override;
    void cleanup(build::BuildContext &ctx) override;
private:
    QemuBuildState &m_state;
    bool m_created = false;
};

} // namespace kiln::components
