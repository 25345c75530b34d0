#include "components/builders/qemu/StepQemuHttpServer.h"

namespace kiln::components {

build::StepAction StepQemuHttpServer::run(build::BuildContext &ctx)
{
    const QemuSettings &c = m_state.settings;
    // With user networking the host is 10.0.2.2 from inside the guest.
    m_state.launch.httpIp = c.netBridge.isEmpty() ? QStringLiteral("10.0.2.2") : c.httpBindAddress;
    ctx.generatedData.insert(QStringLiteral("PackerHTTPIP"), m_state.launch.httpIp);
    if (c.httpDirectory.isEmpty() && c.httpContent.isEmpty())
        return build::StepAction::Continue;
    const QString error = m_server.start(
        c.httpBindAddress, c.httpPortMin, c.httpPortMax, c.httpDirectory, c.httpContent);
    if (!error.isEmpty())
        return haltQemuStep(ctx, QStringLiteral("Error finding port: %1").arg(error));
    m_state.launch.httpPort = m_server.port();
    ctx.ui.say(QStringLiteral("Starting HTTP server on port %1").arg(m_server.port()));
    ctx.generatedData.insert(QStringLiteral("PackerHTTPPort"), QString::number(m_server.port()));
    ctx.generatedData.insert(QStringLiteral("PackerHTTPAddr"),
        QStringLiteral("%1:%2").arg(m_state.launch.httpIp).arg(m_server.port()));
    return build::StepAction::Continue;
}

void StepQemuHttpServer::cleanup(build::BuildContext &ctx)
{
    Q_UNUSED(ctx);
    m_server.stop();
}

} // namespace kiln::components
