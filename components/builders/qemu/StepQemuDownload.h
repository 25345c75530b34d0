#pragma once

#include "components/builders/qemu/QemuBuildState.h"
#include "engine/build/Step.h"

namespace kiln::components {

// Fetches the ISO or disk image (Packer's StepDownload), or with iso_skip_cache uses the
// URL as it is (stepSetISO).
class StepQemuDownload : public build::Step
{
public:
    explicit StepQemuDownload(QemuBuildState &state)
        : m_state(state)
    {
    }
    QString name() const override { return QStringLiteral("StepQemuDownload"); }
    build::StepAction run(build::BuildContext &ctx) override;

private:
    QemuBuildState &m_state;
};

} // namespace kiln::components
