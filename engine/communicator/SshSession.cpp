#include "engine/communicator/SshSession.h"

#include "engine/communicator/SshKeyText.h"

#include <mutex>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kiln::comm {

namespace {

void initLibssh2Once()
{
    static std::once_flag once;
    std::call_once(once, [] { libssh2_init(0); });
}

} // namespace

SshSession::SshSession(int fd)
    : m_fd(fd)
{
    initLibssh2Once();
    m_lastInbound.start();
    m_session = libssh2_session_init();
    m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    libssh2_session_set_blocking(m_session, 0);
    // Large sftp reads and channel windows: libssh2's defaults are tuned for small hosts.
    libssh2_session_flag(m_session, LIBSSH2_FLAG_COMPRESS, 0);
}

SshSession::~SshSession()
{
    if (m_session) {
        libssh2_session_free(m_session);
        m_session = nullptr;
    }
    if (m_fd >= 0)
        ::close(m_fd);
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

bool SshSession::setPreferences(const QStringList &ciphers, const QStringList &kex, QString *error)
{
    auto apply = [&](int method, const QStringList &names, const char *key) {
        if (names.isEmpty())
            return true;
        if (libssh2_session_method_pref(
                m_session, method, names.join(QLatin1Char(',')).toLatin1().constData())
            == 0)
            return true;
        *error = QStringLiteral("%1: libssh2 supports none of %2")
                     .arg(QLatin1String(key), names.join(QStringLiteral(", ")));
        return false;
    };
    return apply(LIBSSH2_METHOD_CRYPT_CS, ciphers, "ssh_ciphers")
        && apply(LIBSSH2_METHOD_CRYPT_SC, ciphers, "ssh_ciphers")
        && apply(LIBSSH2_METHOD_KEX, kex, "ssh_key_exchange_algorithms");
}

bool SshSession::handshake(QDeadlineTimer deadline, QString *error)
{
    const int rc = call([&] { return libssh2_session_handshake(m_session, m_fd); }, deadline);
    if (rc == 0)
        return true;
    if (error) {
        if (rc == kCancelled)
            *error = QStringLiteral("cancelled");
        else if (rc == LIBSSH2_ERROR_TIMEOUT)
            *error = QStringLiteral("no SSH banner or key exchange within the time left");
        else
            *error = lastError();
    }
    return false;
}

QByteArray SshSession::hostKeyBlob() const
{
    size_t len = 0;
    int type = 0;
    const char *key = libssh2_session_hostkey(m_session, &len, &type);
    return key ? QByteArray(key, int(len)) : QByteArray();
}

QString SshSession::hostKeyFingerprint() const
{
    return SshKeyText::fingerprint(hostKeyBlob());
}

SshSession::Wait SshSession::wait(QDeadlineTimer deadline, int readableFd)
{
    if (m_interrupted.load())
        return Wait::Cancelled;
    if (deadline.hasExpired())
        return Wait::TimedOut;
    const int dir = libssh2_session_block_directions(m_session);
    pollfd fds[3] = {};
    fds[0].fd = m_fd;
    fds[0].events = POLLIN;
    if (dir & LIBSSH2_SESSION_BLOCK_OUTBOUND)
        fds[0].events = (dir & LIBSSH2_SESSION_BLOCK_INBOUND) ? (POLLIN | POLLOUT) : POLLOUT;
    fds[1].fd = m_wakeFd;
    fds[1].events = POLLIN;
    fds[2].fd = readableFd; // poll() skips a negative fd
    fds[2].events = POLLIN;
    // Wake at least once a second: keepalives are due, and a libssh2 call that returned
    // EAGAIN without a direction must be retried.
    qint64 slice
        = deadline.isForever() ? 1000 : qBound(qint64(0), deadline.remainingTime(), qint64(1000));
    if (dir == 0)
        slice = qMin<qint64>(slice, 50);
    if (::poll(fds, 3, int(slice)) > 0 && (fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
        m_lastInbound.restart();
    if (m_interrupted.load())
        return Wait::Cancelled;
    if (m_keepAliveMs > 0) {
        int next = 0;
        libssh2_keepalive_send(m_session, &next);
    }
    return deadline.hasExpired() ? Wait::TimedOut : Wait::Ready;
}

void SshSession::interrupt()
{
    m_interrupted.store(true);
    const quint64 one = 1;
    [[maybe_unused]] auto n = ::write(m_wakeFd, &one, sizeof one);
}

void SshSession::clearInterrupt()
{
    quint64 value = 0;
    [[maybe_unused]] auto n = ::read(m_wakeFd, &value, sizeof value);
    m_interrupted.store(false);
}

QString SshSession::lastError() const
{
    char *msg = nullptr;
    int len = 0;
    libssh2_session_last_error(m_session, &msg, &len, 0);
    return len > 0 ? QString::fromUtf8(msg, len) : QStringLiteral("unknown SSH error");
}

bool SshSession::isConnectionError(int rc)
{
    return rc == LIBSSH2_ERROR_SOCKET_RECV || rc == LIBSSH2_ERROR_SOCKET_SEND
        || rc == LIBSSH2_ERROR_SOCKET_DISCONNECT || rc == LIBSSH2_ERROR_SOCKET_TIMEOUT
        || rc == LIBSSH2_ERROR_BAD_SOCKET || rc == LIBSSH2_ERROR_SOCKET_NONE;
}

void SshSession::setKeepAlive(qint64 ms)
{
    m_keepAliveMs = ms;
    if (ms > 0)
        libssh2_keepalive_config(m_session, 1, unsigned(qMax<qint64>(1, ms / 1000)));
}

void SshSession::sendKeepAlive()
{
    if (m_keepAliveMs <= 0 || m_broken.load())
        return;
    int next = 0;
    const int rc = libssh2_keepalive_send(m_session, &next);
    if (isConnectionError(rc))
        m_broken = true;
}

void SshSession::disconnect(const char *description)
{
    if (m_fd < 0)
        return;
    if (!m_broken.load()) {
        clearInterrupt();
        call([&] { return libssh2_session_disconnect(m_session, description); },
            QDeadlineTimer(500));
    }
    ::shutdown(m_fd, SHUT_RDWR);
}

} // namespace kiln::comm
