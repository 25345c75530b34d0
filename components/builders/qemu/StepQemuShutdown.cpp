#include "components/builders/qemu/StepQemuShutdown.h"

#include "components/shared/qemu/QmpClient.h"
#include "engine/communicator/Communicator.h"

namespace kiln::components {

build::StepAction StepQemuShutdown::run(build::BuildContext &ctx)
{
    const QemuSettings &c = m_state.settings;
    if (c.communicator == QLatin1String("none")) {
        // Without a communicator the guest is expected to power itself off.
        ctx.ui.say(QStringLiteral("Waiting for shutdown..."));
        if (m_state.qemu.waitForExit(c.shutdownTimeoutMs, ctx.cancel))
            return build::StepAction::Continue;
        if (ctx.cancelled())
            return build::StepAction::Halt;
        return haltQemuStep(ctx, QStringLiteral("Failed to shutdown"));
    }
    if (!c.shutdownCommand.isEmpty()) {
        auto **comm = ctx.state.get<comm::Communicator *>(QStringLiteral("communicator"));
        ctx.ui.say(QStringLiteral("Gracefully halting virtual machine..."));
        if (comm && *comm) {
            comm::RemoteCommand cmd;
            cmd.command = c.shutdownCommand;
            const comm::CommandResult r = (*comm)->run(cmd, ctx.cancel);
            // The guest going away mid-command is the expected outcome of a shutdown.
            if (!r.error.isEmpty() && !r.disconnected && !ctx.cancelled())
                return haltQemuStep(
                    ctx, QStringLiteral("Failed to send shutdown command: %1").arg(r.error));
        }
        if (m_state.qemu.waitForExit(c.shutdownTimeoutMs, ctx.cancel))
            return build::StepAction::Continue;
        if (ctx.cancelled())
            return build::StepAction::Halt;
        return haltQemuStep(ctx, QStringLiteral("Timeout while waiting for machine to shut down."));
    }
    ctx.ui.say(QStringLiteral("Halting the virtual machine..."));
    // QEMU's "quit" flushes the disks before exiting; the process is stopped if QMP fails.
    QmpClient qmp;
    if (qmp.connectTo(m_state.launch.qmpSocketPath, 2000, ctx.cancel).isEmpty())
        qmp.execute(QStringLiteral("quit"));
    if (!m_state.qemu.waitForExit(10000, ctx.cancel))
        m_state.qemu.stop();
    return build::StepAction::Continue;
}

} // namespace kiln::components
