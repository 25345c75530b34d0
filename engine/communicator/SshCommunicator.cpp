#include "engine/communicator/SshCommunicator.h"

#include "engine/communicator/ScpTransfer.h"
#include "engine/communicator/SftpTransfer.h"
#include "engine/communicator/SshCommandRunner.h"
#include "engine/communicator/SshConnection.h"
#include "engine/communicator/SshConnector.h"

namespace kiln::comm {

namespace {

// Packer reconnects with a single dial; give it the handshake budget, not ssh_timeout.
constexpr qint64 kReconnectTimeoutMs = 60000;

} // namespace

SshCommunicator::SshCommunicator(SshConfig config, std::unique_ptr<SshConnection> connection)
    : m_config(std::move(config))
    , m_connection(std::move(connection))
{
    if (m_config.keepAliveIntervalMs > 0)
        m_keepAlive = std::thread([this] { keepAliveLoop(); });
}

SshCommunicator::~SshCommunicator()
{
    {
        std::lock_guard lock(m_keepAliveMutex);
        m_stopping = true;
    }
    m_keepAliveWake.notify_all();
    if (m_keepAlive.joinable())
        m_keepAlive.join();
    std::lock_guard lock(m_mutex);
    m_connection.reset();
}

void SshCommunicator::keepAliveLoop()
{
    std::unique_lock wakeLock(m_keepAliveMutex);
    while (!m_stopping) {
        m_keepAliveWake.wait_for(wakeLock, std::chrono::milliseconds(m_config.keepAliveIntervalMs));
        if (m_stopping)
            break;
        // A running call sends its own keepalives; never wait for it.
        std::unique_lock lock(m_mutex, std::try_to_lock);
        if (lock.owns_lock() && m_connection)
            m_connection->session().sendKeepAlive();
    }
}

QString SshCommunicator::ensureConnected(const build::CancelTokenPtr &cancel)
{
    if (m_connection && !m_connection->session().isBroken())
        return {};
    m_connection.reset();
    SshConnector connector(m_config);
    SshDiagnosis diagnosis;
    m_connection = connector.connectOnce(cancel, QDeadlineTimer(kReconnectTimeoutMs), &diagnosis);
    if (!m_connection)
        return diagnosis.kind() == SshDiagnosis::Kind::Cancelled
            ? QStringLiteral("cancelled")
            : QStringLiteral("reconnecting over SSH failed: %1").arg(diagnosis.message());
    return {};
}

QString SshCommunicator::hostKeyFingerprint() const
{
    std::lock_guard lock(m_mutex);
    return m_connection ? m_connection->session().hostKeyFingerprint() : QString();
}

CommandResult SshCommunicator::run(const RemoteCommand &cmd, const build::CancelTokenPtr &cancel)
{
    std::lock_guard lock(m_mutex);
    CommandResult result;
    result.error = ensureConnected(cancel);
    if (!result.error.isEmpty())
        return result;
    SshCommandRunner runner(m_connection->session(), m_config.pty, m_config.readWriteTimeoutMs);
    return runner.run(cmd, cancel);
}

QString SshCommunicator::upload(const QString &path, QIODevice &source, qint64 size, int mode,
    const ProgressFn &progress, const build::CancelTokenPtr &cancel)
{
    std::lock_guard lock(m_mutex);
    if (QString e = ensureConnected(cancel); !e.isEmpty())
        return e;
    if (m_config.useSftp())
        return SftpTransfer(m_connection->session(), cancel)
            .upload(path, source, size, mode, progress);
    return ScpTransfer(m_connection->session(), cancel).upload(path, source, size, mode, progress);
}

QString SshCommunicator::uploadDir(const QString &remoteDir, const QString &localDir,
    const QStringList &exclude, const ProgressFn &progress, const build::CancelTokenPtr &cancel)
{
    std::lock_guard lock(m_mutex);
    if (QString e = ensureConnected(cancel); !e.isEmpty())
        return e;
    if (m_config.useSftp())
        return SftpTransfer(m_connection->session(), cancel)
            .uploadDir(remoteDir, localDir, exclude, progress);
    return ScpTransfer(m_connection->session(), cancel)
        .uploadDir(remoteDir, localDir, exclude, progress);
}

QString SshCommunicator::download(const QString &path, QIODevice &target,
    const ProgressFn &progress, const build::CancelTokenPtr &cancel)
{
    std::lock_guard lock(m_mutex);
    if (QString e = ensureConnected(cancel); !e.isEmpty())
        return e;
    if (m_config.useSftp())
        return SftpTransfer(m_connection->session(), cancel).download(path, target, progress);
    return ScpTransfer(m_connection->session(), cancel).download(path, target, progress);
}

QString SshCommunicator::downloadDir(const QString &remoteDir, const QString &localDir,
    const QStringList &exclude, const ProgressFn &progress, const build::CancelTokenPtr &cancel)
{
    std::lock_guard lock(m_mutex);
    if (QString e = ensureConnected(cancel); !e.isEmpty())
        return e;
    if (m_config.useSftp())
        return SftpTransfer(m_connection->session(), cancel)
            .downloadDir(remoteDir, localDir, exclude, progress);
    return ScpTransfer(m_connection->session(), cancel)
        .downloadDir(remoteDir, localDir, exclude, progress);
}

QStringList SshCommunicator::clearAuthorizedKeysCommands(const QString &keyPairName)
{
    return {
        QStringLiteral("sed -i.bak '/ %1$/d' ~/.ssh/authorized_keys; rm ~/.ssh/authorized_keys.bak")
            .arg(keyPairName),
        QStringLiteral("sudo sed -i.bak '/ %1$/d' /root/.ssh/authorized_keys; sudo rm "
                       "/root/.ssh/authorized_keys.bak")
            .arg(keyPairName)};
}

QString SshCommunicator::clearAuthorizedKeys(
    const QString &keyPairName, const build::CancelTokenPtr &cancel)
{
    QStringList errors;
    for (const QString &command : clearAuthorizedKeysCommands(keyPairName)) {
        RemoteCommand cmd;
        cmd.command = command;
        QByteArray err;
        cmd.onStderr = [&err](const QByteArray &chunk) { err += chunk; };
        const CommandResult r = run(cmd, cancel);
        if (!r.error.isEmpty())
            errors << r.error;
        else if (r.exitStatus != 0)
            errors << QStringLiteral("'%1' exited with %2: %3")
                          .arg(command)
                          .arg(r.exitStatus)
                          .arg(QString::fromUtf8(err).trimmed());
        if (r.error == QLatin1String("cancelled"))
            break;
    }
    return errors.join(QLatin1Char('\n'));
}

} // namespace kiln::comm
