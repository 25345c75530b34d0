#include "engine/communicator/SshDiagnosis.h"

#include <cerrno>
#include <cstring>

namespace kiln::comm {

SshDiagnosis SshDiagnosis::resolve(const QString &host, const QString &reason)
{
    return {Kind::Resolve, QStringLiteral("cannot resolve host \"%1\": %2").arg(host, reason)};
}

SshDiagnosis SshDiagnosis::connectErrno(int err, const QString &address)
{
    switch (err) {
    case ECONNREFUSED:
        return {Kind::Refused, QStringLiteral("connection refused on %1").arg(address)};
    case EHOSTUNREACH:
        return {Kind::Unreachable, QStringLiteral("no route to host %1").arg(address)};
    case ENETUNREACH:
        return {Kind::Unreachable, QStringLiteral("network unreachable for %1").arg(address)};
    case ETIMEDOUT:
        return {Kind::ConnectTimeout, QStringLiteral("connection to %1 timed out").arg(address)};
    default:
        return {Kind::Network,
            QStringLiteral("cannot connect to %1: %2")
                .arg(address, QString::fromLocal8Bit(std::strerror(err)))};
    }
}

SshDiagnosis SshDiagnosis::connectTimeout(const QString &address, qint64 ms)
{
    return {Kind::ConnectTimeout,
        QStringLiteral("connection to %1 timed out after %2 s (no answer: host down, or a "
                       "firewall drops the packets)")
            .arg(address)
            .arg(double(ms) / 1000.0)};
}

SshDiagnosis SshDiagnosis::handshake(const QString &address, const QString &reason)
{
    return {
        Kind::Handshake, QStringLiteral("SSH handshake with %1 failed: %2").arg(address, reason)};
}

SshDiagnosis SshDiagnosis::hostKeyMismatch(const QString &expected, const QString &got)
{
    return {
        Kind::HostKey, QStringLiteral("host key mismatch: expected %1, got %2").arg(expected, got)};
}

SshDiagnosis SshDiagnosis::auth(const QString &user, const QStringList &tried,
    const QStringList &offered, const QString &detail)
{
    QString msg
        = QStringLiteral("authentication failed for user %1 (tried: %2")
              .arg(user,
                  tried.isEmpty() ? QStringLiteral("nothing") : tried.join(QStringLiteral(", ")));
    if (!offered.isEmpty())
        msg += QStringLiteral("; the server accepts: %1").arg(offered.join(QStringLiteral(", ")));
    msg += QLatin1Char(')');
    if (!detail.isEmpty())
        msg += QStringLiteral(": ") + detail;
    return {Kind::Auth, msg};
}

SshDiagnosis SshDiagnosis::bastion(const QString &bastionAddress, const SshDiagnosis &inner)
{
    return {inner.kind() == Kind::Cancelled ? Kind::Cancelled : Kind::Bastion,
        QStringLiteral("bastion %1: %2").arg(bastionAddress, inner.message())};
}

QString SshDiagnosis::hint() const
{
    switch (m_kind) {
    case Kind::Resolve:
        return QStringLiteral("check ssh_host and the DNS settings of this machine");
    case Kind::Refused:
        return QStringLiteral("the host answers but nothing listens on that port: is sshd running "
                              "yet, is ssh_port right, is the port forwarded?");
    case Kind::Unreachable:
    case Kind::ConnectTimeout:
        return QStringLiteral("the host is not reachable: is it up, is ssh_host the right "
                              "address, does a firewall or security group block the port?");
    case Kind::Handshake:
        return QStringLiteral("something answers on the port but does not complete an SSH "
                              "handshake: is it an SSH server, or is it still starting?");
    case Kind::HostKey:
        return QStringLiteral("the server is not the one ssh_host_key names");
    case Kind::Auth:
        return QStringLiteral("check ssh_username and the password or key; the key must be in "
                              "the user's authorized_keys");
    default:
        return {};
    }
}

QString SshDiagnosis::handshakeAttemptsMessage() const
{
    if (m_kind != Kind::Auth)
        return m_message;
    return QStringLiteral("Packer experienced an authentication error when trying to connect via "
                          "SSH. This can happen if your username/password are wrong. You may want "
                          "to double-check your credentials as part of your debugging process. "
                          "original error: %1")
        .arg(m_message);
}

QString SshDiagnosis::timeoutMessage(int attempts) const
{
    if (m_kind == Kind::None)
        return QStringLiteral("Timeout waiting for SSH.");
    QString msg = QStringLiteral("Timeout waiting for SSH. The last of %1 attempts failed: %2")
                      .arg(attempts)
                      .arg(m_message);
    const QString h = hint();
    if (!h.isEmpty())
        msg += QStringLiteral(" (") + h + QLatin1Char(')');
    return msg;
}

} // namespace kiln::comm
