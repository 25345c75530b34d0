#pragma once

#include "components/builders/qemu/QemuBuildState.h"
#include "engine/build/Step.h"

namespace kiln::components {

// Picks the host port forwarded to the guest's SSH port and the VNC port (Packer's
// stepPortForward and stepConfigureVNC).
class StepQemuPortForward : public build::Step
{
public:
    explicit StepQemuPortForward(QemuBuildState &state)
        : m_state(state)
    {
    }
    QString name() const override { return QStringLiteral("StepQemuPortForward"); }
    build::StepAction run(build::BuildContext &ctx) override;

private:
    QemuBuildState &m_state;
};

} // namespace kiln::components
