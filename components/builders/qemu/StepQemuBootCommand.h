#pragma once

#include "components/builders/qemu/QemuBuildState.h"
#include "engine/build/Step.h"

namespace kiln::components {

// Waits boot_wait, then types boot_command (or boot_steps) into the VM's keyboard over VNC.
// Packer's stepTypeBootCommand.
class StepQemuBootCommand : public build::Step
{
public:
    explicit StepQemuBootCommand(QemuBuildState &state)
        : m_state(state)
    {
    }
    QString name() const override { return QStringLiteral("StepQemuBootCommand"); }
    build::StepAction run(build::BuildContext &ctx) override;

private:
    QemuBuildState &m_state;
};

} // namespace kiln::components
