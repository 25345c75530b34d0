#include "engine/build/StepConnect.h"

#include "engine/build/BuildContext.h"
#include "engine/build/GoDurationText.h"
#include "engine/build/SecretFilter.h"
#include "engine/communicator/NoneCommunicator.h"
#include "engine/communicator/SshCommunicator.h"
#include "engine/communicator/SshConnector.h"

#include <QFile>

namespace kiln::build {

StepConnect::StepConnect(QString type, comm::SshConfig ssh, qint64 pauseBeforeConnectMs, HostFn host)
    : m_type(std::move(type))
    , m_ssh(std::move(ssh))
    , m_pauseMs(pauseBeforeConnectMs)
    , m_host(std::move(host))
{
}

StepConnect::~StepConnect() = default;

StepAction StepConnect::run(BuildContext &ctx)
{
    if (m_type == QLatin1String("none")) {
        m_comm = std::make_unique<comm::NoneCommunicator>();
        ctx.state.put<comm::Communicator *>(QStringLiteral("communicator"), m_comm.get());
        ctx.generatedData.insert(QStringLiteral("ConnType"), m_type);
        return StepAction::Continue;
    }
    if (m_type != QLatin1String("ssh")) {
        ctx.fail(QStringLiteral("unknown communicator type: %1").arg(m_type));
        return StepAction::Halt;
    }
    return connectSsh(ctx);
}

StepAction StepConnect::connectSsh(BuildContext &ctx)
{
    if (m_host)
        m_ssh.host = m_host(ctx);
    ctx.ui.say(QStringLiteral("Using SSH communicator to connect: %1").arg(m_ssh.host));

    // Whatever can log in is a secret from here on, wherever a provisioner echoes it.
    if (!m_ssh.auth.password.isEmpty())
        ctx.secrets->add(m_ssh.auth.password);
    if (!m_ssh.auth.privateKey.isEmpty())
        ctx.secrets->add(QString::fromUtf8(m_ssh.auth.privateKey));

    comm::SshConnector connector(m_ssh);
    const BuildUi ui = ctx.ui;
    connector.setMessageCallback([ui](const QString &m) { ui.say(m); });
    QString error;
    std::unique_ptr<comm::SshCommunicator> ssh = connector.connect(ctx.cancel, &error);
    if (!ssh) {
        if (ctx.cancelled())
            return StepAction::Halt;
        const QString message = QStringLiteral("Timeout waiting for SSH: %1").arg(error);
        ctx.ui.error(message);
        ctx.fail(message);
        return StepAction::Halt;
    }
    if (m_pauseMs > 0) {
        ctx.ui.say(QStringLiteral("Pausing %1 before connecting...").arg(goDurationText(m_pauseMs)));
        if (!ctx.cancel->sleepFor(m_pauseMs))
            return StepAction::Halt;
        ssh.reset();
        ssh = connector.connect(ctx.cancel, &error);
        if (!ssh) {
            ctx.fail(QStringLiteral("Timeout waiting for SSH: %1").arg(error));
            return StepAction::Halt;
        }
    }
    m_comm = std::move(ssh);
    ctx.state.put<comm::Communicator *>(QStringLiteral("communicator"), m_comm.get());

    QString privateKey = QString::fromUtf8(m_ssh.auth.privateKey);
    if (privateKey.isEmpty() && !m_ssh.auth.privateKeyFile.isEmpty()) {
        QFile f(m_ssh.auth.privateKeyFile);
        if (f.open(QIODevice::ReadOnly))
            privateKey = QString::fromUtf8(f.readAll());
        ctx.secrets->add(privateKey);
    }
    ctx.generatedData.insert(QStringLiteral("Host"), m_ssh.host);
    ctx.generatedData.insert(QStringLiteral("Port"), m_ssh.port);
    ctx.generatedData.insert(QStringLiteral("User"), m_ssh.auth.username);
    ctx.generatedData.insert(QStringLiteral("Password"), m_ssh.auth.password);
    ctx.generatedData.insert(QStringLiteral("ConnType"), m_type);
    ctx.generatedData.insert(QStringLiteral("SSHPrivateKey"), privateKey);
    ctx.generatedData.insert(QStringLiteral("SSHPublicKey"), QString());
    return StepAction::Continue;
}

void StepConnect::cleanup(BuildContext &ctx)
{
    ctx.state.remove(QStringLiteral("communicator"));
    m_comm.reset();
}

} // namespace kiln::build
