#pragma once

#include "components/builders/qemu/QemuBuildState.h"
#include "engine/build/Step.h"

namespace kiln::components {

// Starts QEMU (Packer's stepRun); cleanup stops it, so no QEMU outlives a build.
class StepQemuRun : public build::Step
{
public:
    explicit StepQemuRun(QemuBuildState &state)
        : m_state(state)
    {
    }
    QString name() const override { return QStringLiteral("StepQemuRun"); }
    build::StepAction run(build::BuildContext &ctx) override;
    void cleanup(build::BuildContext &ctx) override;
private:
    QemuBuildState &m_state;
};

} // namespace kiln::components
