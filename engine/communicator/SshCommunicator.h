#pragma once

#include "engine/communicator/Communicator.h"
#include "engine/communicator/SshConfig.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace kiln::comm {

class SshConnection;

// The "ssh" communicator (Packer's sdk-internals/communicator/ssh comm) on libssh2.
// Made by SshConnector::connect(); files move by scp (default) or sftp per
// ssh_file_transfer_method.
//
// Threading: every call blocks on the calling worker thread and holds the communicator's
// lock, so calls from two threads are serialised, never interleaved. `cancel` may fire from
// any thread. While no call runs, a small thread sends keepalives every
// ssh_keep_alive_interval. When a call finds the connection dead (the machine rebooted), the
// next call reconnects once, as Packer's newSession does.
class SshCommunicator : public Communicator
{
public:
    SshCommunicator(SshConfig config, std::unique_ptr<SshConnection> connection);
    ~SshCommunicator() override;

    QString type() const override { return QStringLiteral("ssh"); }

    CommandResult run(const RemoteCommand &cmd, const build::CancelTokenPtr &cancel) override;
    QString upload(const QString &path, QIODevice &source, qint64 size, int mode,
        const ProgressFn &progress, const build::CancelTokenPtr &cancel) override;
    QString uploadDir(const QString &remoteDir, const QString &localDir, const QStringList &exclude,
        const ProgressFn &progress, const build::CancelTokenPtr &cancel) override;
    QString download(const QString &path, QIODevice &target, const ProgressFn &progress,
        const build::CancelTokenPtr &cancel) override;
    QString downloadDir(const QString &remoteDir, const QString &localDir,
        const QStringList &exclude, const ProgressFn &progress,
        const build::CancelTokenPtr &cancel) override;

    // Packer's StepCleanupTempKeys (ssh_clear_authorized_keys): removes the lines ending in
    // " <keyPairName>" from ~/.ssh/authorized_keys and, with sudo, /root/.ssh/authorized_keys.
    // Returns the errors of both commands (Packer only logs them), empty when both worked.
    QString clearAuthorizedKeys(const QString &keyPairName, const build::CancelTokenPtr &cancel);
    // The two commands it runs, for display and tests.
    static QStringList clearAuthorizedKeysCommands(const QString &keyPairName);

    const SshConfig &config() const { return m_config; }
    // The host key the server presented ("SHA256:..."), for logs and ssh_host_key.
    QString hostKeyFingerprint() const;

private:
    // Under m_mutex: a live connection, reconnecting once if the last one died.
    QString ensureConnected(const build::CancelTokenPtr &cancel);
    void keepAliveLoop();

    SshConfig m_config;
    std::unique_ptr<SshConnection> m_connection;
    mutable std::mutex m_mutex;
    std::mutex m_keepAliveMutex;
    std::condition_variable m_keepAliveWake;
    bool m_stopping = false;
    std::thread m_keepAlive;
};

} // namespace kiln::comm
