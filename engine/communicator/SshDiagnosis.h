#pragma once

#include <QString>
#include <QStringList>

namespace kiln::comm {

// What went wrong with one attempt to reach SSH, in words a user can act on. "Timeout
// waiting for SSH" is Packer's most asked-about error because it never says why; the
// connector keeps the last diagnosis and puts it in its final message.
class SshDiagnosis
{
public:
    enum class Kind {
        None,
        Resolve, // DNS failure
        Refused, // nothing listens on the port
        Unreachable, // no route to the host / network down
        ConnectTimeout,
        Network, // any other socket error
        Handshake, // TCP works, the SSH handshake does not (not an SSH server, reset, ...)
        HostKey, // the server's host key is not the expected one
        Auth, // every authentication method failed
        Bastion, // the bastion could not be reached or refused to forward
        Cancelled,
    };

    SshDiagnosis() = default;
    SshDiagnosis(Kind kind, QString message)
        : m_kind(kind)
        , m_message(std::move(message))
    { }

    Kind kind() const { return m_kind; }
    const QString &message() const { return m_message; }
    bool isNone() const { return m_kind == Kind::None; }
    // Packer counts only failures after the server answered ("authenticate" in the error)
    // against ssh_handshake_attempts; Kiln counts host key mismatches too.
    bool countsAsHandshakeAttempt() const
    {
        return m_kind == Kind::Auth || m_kind == Kind::HostKey;
    }

    static SshDiagnosis resolve(const QString &host, const QString &reason);
    // From a failed connect(2): "connection refused on 127.0.0.1:2222", ...
    static SshDiagnosis connectErrno(int err, const QString &address);
    static SshDiagnosis connectTimeout(const QString &address, qint64 ms);
    static SshDiagnosis handshake(const QString &address, const QString &reason);
    static SshDiagnosis hostKeyMismatch(const QString &expected, const QString &got);
    // `tried`: the methods Kiln tried; `offered`: what the server said it accepts.
    static SshDiagnosis auth(const QString &user, const QStringList &tried,
        const QStringList &offered, const QString &detail = {});
    static SshDiagnosis bastion(const QString &bastionAddress, const SshDiagnosis &inner);

    // A hint for the kind, appended to timeout messages ("Is sshd running ...?").
    QString hint() const;
    // Packer's wrapper around authentication errors once ssh_handshake_attempts ran out.
    QString handshakeAttemptsMessage() const;
    // The message when ssh_timeout ran out with this as the last failure.
    QString timeoutMessage(int attempts) const;

private:
    Kind m_kind = Kind::None;
    QString m_message;
};

} // namespace kiln::comm
