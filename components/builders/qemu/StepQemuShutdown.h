#pragma once

#include "components/builders/qemu/QemuBuildState.h"
#include "engine/build/Step.h"

namespace kiln::components {

// Stops the VM (Packer's stepShutdown): runs shutdown_command and waits for QEMU to exit
// within shutdown_timeout, or halts QEMU at once without a shutdown command.
class StepQemuShutdown : public build::Step
{
public:
    explicit StepQemuShutdown(QemuBuildState &state)
        : m_state(state)
    {
    }
    QString name() const override { return QStringLiteral("StepQemuShutdown"); }
    build::StepAction run(build::BuildContext &ctx) override;

private:
    QemuBuildState &m_state;
};

} // namespace kiln::components
