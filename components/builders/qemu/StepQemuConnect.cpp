#include "components/builders/qemu/StepQemuConnect.h"

namespace kiln::components {

build::StepAction StepQemuConnect::run(build::BuildContext &ctx)
{
    const QemuSettings &c = m_state.settings;
    comm::SshConfig ssh = c.ssh;
    if (c.communicator == QLatin1String("ssh")) {
        if (ssh.host.isEmpty())
            ssh.host = c.netBridge.isEmpty() ? QStringLiteral("127.0.0.1") : ssh.host;
        if (c.netBridge.isEmpty())
            ssh.port = m_state.launch.commHostPort;
    }
    m_connect
        = std::make_unique<build::StepConnect>(c.communicator, ssh, c.pauseBeforeConnectingMs);
    return m_connect->run(ctx);
}

void StepQemuConnect::cleanup(build::BuildContext &ctx)
{
    if (m_connect)
        m_connect->cleanup(ctx);
}

} // namespace kiln::components
