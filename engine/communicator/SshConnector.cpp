#include "engine/communicator/SshConnector.h"

#include "engine/communicator/SshBastionTunnel.h"
#include "engine/communicator/SshCommunicator.h"
#include "engine/communicator/SshConnection.h"
#include "engine/communicator/SshKeyText.h"
#include "engine/communicator/SshSession.h"

#include <QElapsedTimer>

#include <cerrno>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kiln::comm {

namespace {

// A connect that hangs (packets dropped) is given up after this long, so the retry loop
// keeps going and the timeout message can say "timed out" instead of nothing.
constexpr qint64 kConnectTimeoutMs = 20000;
// Packer's handshake and login budget for one attempt.
constexpr qint64 kHandshakeTimeoutMs = 60000;
// While a machine boots, nothing answers yet (refused, or QEMU's port forward closing at
// once): for the first two minutes Kiln tries again every second instead of Packer's
// five, so a build goes on within a second of sshd starting. A refused connect on
// loopback costs nothing; later, Packer's pace.
constexpr qint64 kEagerPollMs = 120000;
constexpr qint64 kEagerDelayMs = 1000;
// QEMU's user network accepts a forwarded connection at once and holds it while the
// guest's TCP stack retries (seconds apart): waiting on such a connection for the banner
// can cost several seconds after sshd is up, so early attempts give it this long.
constexpr qint64 kBannerWaitMs = 3000;

QDeadlineTimer earlier(QDeadlineTimer a, qint64 ms)
{
    const QDeadlineTimer b(ms);
    return (a.isForever() || b.deadlineNSecs() < a.deadlineNSecs()) ? b : a;
}

// True once `fd` has something to read (an SSH server speaks first: its banner) or was
// closed by the peer; false at the deadline or on cancel. Polls in short slices so a
// cancel is seen.
bool waitReadable(int fd, QDeadlineTimer deadline, const build::CancelTokenPtr &cancel)
{
    while (!cancel->isCancelled()) {
        const qint64 left = deadline.remainingTime();
        if (left == 0)
            return false;
        pollfd p{fd, POLLIN, 0};
        const int n = ::poll(&p, 1, int(left < 0 || left > 100 ? 100 : left));
        if (n > 0)
            return true;
        if (n < 0 && errno != EINTR)
            return true; // let the handshake report the socket's error
    }
    return false;
}

} // namespace

SshConnector::SshConnector(SshConfig config)
    : m_config(std::move(config))
{ }

int SshConnector::tcpConnect(const QString &host, int port, const build::CancelTokenPtr &cancel,
    QDeadlineTimer deadline, SshDiagnosis *diagnosis) const
{
    const QString address = SshConfig::joinHostPort(host, port);
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *res = nullptr;
    const int gai = ::getaddrinfo(
        host.toUtf8().constData(), QByteArray::number(port).constData(), &hints, &res);
    if (gai != 0) {
        *diagnosis = SshDiagnosis::resolve(host, QString::fromLocal8Bit(gai_strerror(gai)));
        return -1;
    }
    const int wake = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    build::CancelScope scope(cancel, [wake] {
        const quint64 one = 1;
        [[maybe_unused]] auto n = ::write(wake, &one, sizeof one);
    });
    const QDeadlineTimer connectDeadline = earlier(deadline, kConnectTimeoutMs);
    QElapsedTimer started;
    started.start();
    int fd = -1;
    for (addrinfo *ai = res; ai; ai = ai->ai_next) {
        fd = ::socket(
            ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0)
            continue;
        int err = 0;
        if (::connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
            err = errno;
            if (err == EINPROGRESS) {
                pollfd fds[2] = {{fd, POLLOUT, 0}, {wake, POLLIN, 0}};
                const int n = ::poll(fds, 2, int(qMax<qint64>(0, connectDeadline.remainingTime())));
                if (fds[1].revents) {
                    *diagnosis
                        = SshDiagnosis(SshDiagnosis::Kind::Cancelled, QStringLiteral("cancelled"));
                    ::close(fd);
                    fd = -1;
                    break;
                }
                if (n == 0) {
                    *diagnosis = SshDiagnosis::connectTimeout(address, started.elapsed());
                    err = ETIMEDOUT;
                } else {
                    socklen_t len = sizeof err;
                    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
                }
            }
        }
        if (err == 0) {
            const int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            break;
        }
        if (err != ETIMEDOUT)
            *diagnosis = SshDiagnosis::connectErrno(err, address);
        ::close(fd);
        fd = -1;
    }
    ::freeaddrinfo(res);
    ::close(wake);
    return fd;
}

std::unique_ptr<SshSession> SshConnector::login(int fd, const QString &address,
    const SshCredentials &creds, const QString &expectedHostKey, bool target,
    const build::CancelTokenPtr &cancel, QDeadlineTimer deadline, SshDiagnosis *diagnosis) const
{
    auto session = std::make_unique<SshSession>(fd);
    build::CancelScope scope(cancel, [s = session.get()] { s->interrupt(); });
    const QDeadlineTimer handshakeDeadline = earlier(deadline, kHandshakeTimeoutMs);
    QString error;
    // Packer applies ssh_ciphers and ssh_key_exchange_algorithms to the target only.
    if (target
        && !session->setPreferences(m_config.ciphers, m_config.keyExchangeAlgorithms, &error)) {
        *diagnosis = SshDiagnosis::handshake(address, error);
        return nullptr;
    }
    if (!session->handshake(handshakeDeadline, &error)) {
        *diagnosis = session->isInterrupted()
            ? SshDiagnosis(SshDiagnosis::Kind::Cancelled, QStringLiteral("cancelled"))
            : SshDiagnosis::handshake(address, error);
        return nullptr;
    }
    if (!expectedHostKey.isEmpty()) {
        const QString got = session->hostKeyFingerprint();
        const QString expected = expectedHostKey.startsWith(QLatin1String("SHA256:"))
            ? expectedHostKey.trimmed()
            : SshKeyText::fingerprint(SshKeyText::blobFromPublicKeyLine(expectedHostKey));
        if (got != expected) {
            *diagnosis = SshDiagnosis::hostKeyMismatch(expected, got);
            session->disconnect("host key mismatch");
            return nullptr;
        }
    }
    SshAuthenticator auth(*session, creds);
    auth.setPrompter(m_prompter);
    if (!auth.authenticate(handshakeDeadline, diagnosis)) {
        if (diagnosis->kind() == SshDiagnosis::Kind::Handshake)
            *diagnosis = SshDiagnosis::handshake(
                address, diagnosis->message().section(QStringLiteral(": "), 1));
        if (diagnosis->kind() != SshDiagnosis::Kind::Cancelled)
            session->disconnect("authentication failed");
        return nullptr;
    }
    session->clearInterrupt();
    return session;
}

std::unique_ptr<SshConnection> SshConnector::connectOnce(
    const build::CancelTokenPtr &cancel, QDeadlineTimer deadline, SshDiagnosis *diagnosis,
    qint64 bannerWaitMs) const
{
    const QString address = SshConfig::joinHostPort(m_config.host, m_config.port);
    if (!m_config.hasBastion()) {
        const int fd = tcpConnect(m_config.host, m_config.port, cancel, deadline, diagnosis);
        if (fd < 0)
            return nullptr;
        if (bannerWaitMs > 0 && !waitReadable(fd, earlier(deadline, bannerWaitMs), cancel)) {
            ::close(fd);
            *diagnosis = cancel->isCancelled()
                ? SshDiagnosis(SshDiagnosis::Kind::Cancelled, QStringLiteral("cancelled"))
                : SshDiagnosis::handshake(address,
                      QStringLiteral("no SSH banner within %1 ms").arg(bannerWaitMs));
            return nullptr;
        }
        auto session = login(fd, address, m_config.auth, m_config.expectedHostKey, true, cancel,
            deadline, diagnosis);
        if (!session)
            return nullptr;
        session->setKeepAlive(m_config.keepAliveIntervalMs);
        return std::make_unique<SshConnection>(std::move(session), nullptr);
    }

    const QString bastionAddress
        = SshConfig::joinHostPort(m_config.bastionHost, m_config.bastionPort);
    SshDiagnosis inner;
    const int bfd
        = tcpConnect(m_config.bastionHost, m_config.bastionPort, cancel, deadline, &inner);
    if (bfd < 0) {
        *diagnosis = SshDiagnosis::bastion(bastionAddress, inner);
        return nullptr;
    }
    auto bastion = login(
        bfd, bastionAddress, m_config.bastionAuth, QString(), false, cancel, deadline, &inner);
    if (!bastion) {
        *diagnosis = SshDiagnosis::bastion(bastionAddress, inner);
        return nullptr;
    }
    int targetFd = -1;
    std::unique_ptr<SshBastionTunnel> tunnel = SshBastionTunnel::open(std::move(bastion),
        m_config.host, m_config.port, m_config.keepAliveIntervalMs, cancel,
        earlier(deadline, kHandshakeTimeoutMs), &targetFd, diagnosis);
    if (!tunnel)
        return nullptr;
    auto session = login(targetFd, address, m_config.auth, m_config.expectedHostKey, true, cancel,
        deadline, diagnosis);
    if (!session)
        return nullptr;
    session->setKeepAlive(m_config.keepAliveIntervalMs);
    return std::make_unique<SshConnection>(std::move(session), std::move(tunnel));
}

std::unique_ptr<SshCommunicator> SshConnector::connect(
    const build::CancelTokenPtr &cancelToken, QString *error)
{
    const build::CancelTokenPtr cancel = cancelToken ? cancelToken : build::CancelToken::create();
    if (m_say)
        m_say(QStringLiteral("Waiting for SSH to become available..."));
    const QDeadlineTimer overall = m_config.timeoutMs > 0 ? QDeadlineTimer(m_config.timeoutMs)
                                                          : QDeadlineTimer(QDeadlineTimer::Forever);
    m_attempts = 0;
    m_last = SshDiagnosis();
    QElapsedTimer since;
    since.start();
    int handshakeFailures = 0;
    qint64 delay = 0;
    for (;;) {
        if (delay > 0) {
            const qint64 nap = overall.isForever() ? delay : qMin(delay, overall.remainingTime());
            if (!cancel->sleepFor(nap)) {
                *error = QStringLiteral("cancelled");
                return nullptr;
            }
        }
        if (cancel->isCancelled()) {
            *error = QStringLiteral("cancelled");
            return nullptr;
        }
        if (overall.hasExpired()) {
            *error = m_last.timeoutMessage(m_attempts);
            return nullptr;
        }
        ++m_attempts;
        SshDiagnosis diagnosis;
        // While the machine may still be booting, a connection that stays silent is
        // dropped after a few seconds rather than waited on (see kEagerPollMs).
        const bool eager = since.elapsed() < kEagerPollMs;
        auto connection = connectOnce(cancel, overall, &diagnosis, eager ? kBannerWaitMs : 0);
        if (connection) {
            if (m_say)
                m_say(QStringLiteral("Connected to SSH!"));
            return std::make_unique<SshCommunicator>(m_config, std::move(connection));
        }
        if (diagnosis.kind() == SshDiagnosis::Kind::Cancelled || cancel->isCancelled()) {
            *error = QStringLiteral("cancelled");
            return nullptr;
        }
        // An attempt the overall deadline cut short says less than the one before it.
        if (!(overall.hasExpired() && !m_last.isNone()))
            m_last = diagnosis;
        delay = m_config.retryDelayMs;
        if (!diagnosis.countsAsHandshakeAttempt() && since.elapsed() < kEagerPollMs)
            delay = qMin(delay, kEagerDelayMs);
        if (diagnosis.countsAsHandshakeAttempt()) {
            ++handshakeFailures;
            if (m_config.handshakeAttempts > 0 && handshakeFailures >= m_config.handshakeAttempts) {
                *error = diagnosis.handshakeAttemptsMessage();
                return nullptr;
            }
            // Packer sleeps 2 s after a failed handshake, then its loop's 5 s.
            delay += m_config.handshakeRetryDelayMs;
        }
    }
}

} // namespace kiln::comm
