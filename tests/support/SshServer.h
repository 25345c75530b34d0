#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace kiln::test {

// A real OpenSSH server on 127.0.0.1 for communicator tests (shared/TESTBED.md "sshd on
// loopback"): host and client ed25519 keys in a temporary directory, a free port, the test
// user `kilntest` (created with useradd when missing), `/usr/sbin/sshd -D -e -f`. Stopped by
// PID, with every process it forked, when the object dies.
//
// Needs root (sshd switches to the user) and openssh-server; available() says whether it can
// run so tests can QSKIP with the reason.
class SshServer
{
public:
    SshServer();
    ~SshServer();
    SshServer(const SshServer &) = delete;
    SshServer &operator=(const SshServer &) = delete;

    // Why no server can run here, or empty.
    static QString unavailableReason();

    // Turns on password and keyboard-interactive logins (through PAM) for `password`, which
    // is set for kilntest with chpasswd. Call before start(), or restart() after.
    void enablePasswordAuth(const QString &password);
    // More sshd_config lines ("MaxAuthTries 2").
    void addConfig(const QString &line) { m_extraConfig << line; }

    // Generates the keys (once), writes sshd_config, starts sshd and waits until the port
    // accepts connections. False with *error when it did not come up within 5 s.
    bool start(QString *error = nullptr);
    // Stops sshd and the sessions it forked (SIGTERM, then SIGKILL).
    void stop();
    bool restart(QString *error = nullptr);
    // SIGKILLs sshd and its session processes at once, as a crash or a power cut would;
    // commands they ran are left running. Safe from any thread.
    void crash();
    bool isRunning() const;

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    static QString user() { return QStringLiteral("kilntest"); }
    QString userHome() const;
    QString clientKeyPath() const { return m_dir->filePath(QStringLiteral("clientkey")); }
    QByteArray clientKey() const;
    // "ssh-ed25519 AAAA..." (no comment) and its "SHA256:..." fingerprint.
    QString hostPublicKey() const;
    QString hostKeyFingerprint() const;
    // Appends a public key line to kilntest's authorized keys.
    void authorizeKey(const QByteArray &line);
    // A directory (mode 0777) both the test and kilntest can use.
    QString sharedDir() const;
    QString dir() const { return m_dir->path(); }
    QByteArray log() const;

    // Runs a program with arguments; returns its exit code, stdout in *out.
    static int exec(const QString &program, const QStringList &args, QByteArray *out = nullptr,
        const QByteArray &input = {});

private:
    bool prepare(QString *error);
    void writeConfig();
    QList<qint64> descendants() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_sshd;
    int m_port = 0;
    bool m_prepared = false;
    bool m_crashed = false;
    QString m_password;
    QStringList m_extraConfig;
};

} // namespace kiln::test
