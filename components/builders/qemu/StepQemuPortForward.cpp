#include "components/builders/qemu/StepQemuPortForward.h"

#include "components/shared/qemu/FreePort.h"

namespace kiln::components {

build::StepAction StepQemuPortForward::run(build::BuildContext &ctx)
{
    const QemuSettings &c = m_state.settings;
    if (c.communicator == QLatin1String("none")) {
        ctx.ui.message(QStringLiteral("No communicator is set; skipping port forwarding setup."));
    } else if (!c.netBridge.isEmpty()) {
        ctx.ui.message(QStringLiteral("net_bridge is set; skipping port forwarding setup."));
    } else if (c.skipNatMapping) {
        m_state.launch.commHostPort = c.guestCommPort();
    } else {
        ctx.ui.say(QStringLiteral(
            "Looking for available communicator (SSH, WinRM, etc) port between %1 and %2")
                       .arg(c.hostPortMin)
                       .arg(c.hostPortMax));
        QString error;
        // The forward is bound to 127.0.0.1 (see QemuCommandLine), so that is where to look.
        const int port
            = FreePort::find(QStringLiteral("127.0.0.1"), c.hostPortMin, c.hostPortMax, &error);
        if (port == 0)
            return haltQemuStep(ctx, QStringLiteral("Error finding port: %1").arg(error));
        m_state.launch.commHostPort = port;
        ctx.ui.say(QStringLiteral("Found port for communicator (SSH, WinRM, etc): %1.").arg(port));
    }
    if (c.disableVnc)
        return build::StepAction::Continue;
    ctx.ui.say(QStringLiteral("Looking for available port between %1 and %2 on %3")
                   .arg(c.vncPortMin)
                   .arg(c.vncPortMax)
                   .arg(c.vncBindAddress));
    QString error;
    const int vnc = FreePort::find(c.vncBindAddress, c.vncPortMin, c.vncPortMax, &error);
    if (vnc == 0)
        return haltQemuStep(ctx, QStringLiteral("Error finding VNC port: %1").arg(error));
    m_state.launch.vncPort = vnc;
    return build::StepAction::Continue;
}

} // namespace kiln::components
