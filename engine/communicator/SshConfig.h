#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kiln::comm {

// How to log in to one SSH server: the target or the bastion in front of it.
struct SshCredentials
{
    QString username;
    QString password; // tried as "password" and as the answer to keyboard-interactive prompts
    QString privateKeyFile;
    QByteArray privateKey; // inline key text (PEM or OpenSSH format)
    bool agentAuth = false;
    // The agent's socket; empty: $SSH_AUTH_SOCK when connecting.
    QString agentSocket;
    // Bastion only (ssh_bastion_interactive): answer keyboard-interactive prompts through the
    // connector's prompter instead of with the password.
    bool interactive = false;
};

// The decoded `ssh_*` settings of Packer's communicator.Config, plus Kiln's own host key check.
// Plain data: SshConfigReader fills it from a component's configuration, validate() applies
// Packer's defaults and returns Packer's prepare errors.
struct SshConfig
{
    QString host;
    int port = 22;
    SshCredentials auth;

    // 0 with handshakeAttempts 0: Packer's defaults (5m, 10) are applied by validate().
    qint64 timeoutMs = 0;
    int handshakeAttempts = 0;
    // <= 0 disables keepalives (Packer: "Set to a negative value (-1s) to disable").
    qint64 keepAliveIntervalMs = 5000;
    // ssh_read_write_timeout: 0 means a command may run for ever.
    qint64 readWriteTimeoutMs = 0;
    bool pty = false;
    // ssh_file_transfer_method: "scp" (Packer's default when empty) or "sftp".
    QString fileTransferMethod;
    bool clearAuthorizedKeys = false;
    QString temporaryKeyPairName;

    // ssh_ciphers / ssh_key_exchange_algorithms: the algorithms offered, in order of
    // preference (OpenSSH names). Empty: libssh2's defaults.
    QStringList ciphers;
    QStringList keyExchangeAlgorithms;

    QString bastionHost;
    int bastionPort = 22;
    SshCredentials bastionAuth;

    // Kiln: the host key the target must present: a public key line ("ssh-ed25519 AAAA...")
    // or a fingerprint ("SHA256:..."). Empty: not checked, as Packer never checks.
    QString expectedHostKey;

    // Packer's waits between attempts: after a failed TCP connection and after a failed
    // handshake. Tests shorten them; builders keep Packer's values.
    qint64 retryDelayMs = 5000;
    qint64 handshakeRetryDelayMs = 2000;

    // Applies Packer's defaults (prepareSSH) and returns its validation errors, in its order
    // and words. Idempotent.
    QStringList validate();

    bool useSftp() const { return fileTransferMethod == QLatin1String("sftp"); }
    bool hasBastion() const { return !bastionHost.isEmpty(); }
    // "host:port" as Go's net.JoinHostPort writes it (IPv6 in brackets).
    static QString joinHostPort(const QString &host, int port);
};

} // namespace kiln::comm
