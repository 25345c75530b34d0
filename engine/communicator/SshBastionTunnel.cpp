#include "engine/communicator/SshBastionTunnel.h"

#include "engine/communicator/SshConfig.h"
#include "engine/communicator/SshSession.h"

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kiln::comm {

std::unique_ptr<SshBastionTunnel> SshBastionTunnel::open(std::unique_ptr<SshSession> bastion,
    const QString &host, int port, qint64 keepAliveMs, const build::CancelTokenPtr &cancel,
    QDeadlineTimer deadline, int *targetFd, SshDiagnosis *diagnosis)
{
    const QByteArray target = host.toUtf8();
    int rc = 0;
    LIBSSH2_CHANNEL *channel = nullptr;
    {
        // Ends before `bastion` can be destroyed (a parameter outlives the body's locals).
        build::CancelScope scope(cancel, [b = bastion.get()] { b->interrupt(); });
        channel = bastion->callPtr<LIBSSH2_CHANNEL>(
            [&] {
                return libssh2_channel_direct_tcpip_ex(
                    bastion->handle(), target.constData(), port, "127.0.0.1", 22);
            },
            &rc, deadline);
    }
    if (!channel) {
        if (rc == SshSession::kCancelled)
            *diagnosis = SshDiagnosis(SshDiagnosis::Kind::Cancelled, QStringLiteral("cancelled"));
        else
            *diagnosis = SshDiagnosis(SshDiagnosis::Kind::Bastion,
                QStringLiteral("the bastion cannot open a connection to %1: %2")
                    .arg(SshConfig::joinHostPort(host, port), bastion->lastError()));
        return nullptr;
    }
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        libssh2_channel_free(channel);
        *diagnosis = SshDiagnosis(
            SshDiagnosis::Kind::Bastion, QStringLiteral("socketpair: %1").arg(errno));
        return nullptr;
    }
    ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    std::unique_ptr<SshBastionTunnel> tunnel(new SshBastionTunnel);
    tunnel->m_bastion = std::move(bastion);
    tunnel->m_bastion->setKeepAlive(keepAliveMs);
    tunnel->m_channel = channel;
    tunnel->m_localFd = fds[0];
    tunnel->m_stopFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    tunnel->m_thread = std::thread([t = tunnel.get()] { t->pump(); });
    *targetFd = fds[1];
    return tunnel;
}

SshBastionTunnel::~SshBastionTunnel()
{
    m_stop = true;
    const quint64 one = 1;
    [[maybe_unused]] auto n = ::write(m_stopFd, &one, sizeof one);
    if (m_thread.joinable())
        m_thread.join();
    if (m_channel) {
        QDeadlineTimer deadline(1000);
        while (libssh2_channel_free(m_channel) == LIBSSH2_ERROR_EAGAIN && !deadline.hasExpired())
            m_bastion->wait(deadline);
    }
    m_bastion->disconnect("tunnel closed");
    ::close(m_localFd);
    ::close(m_stopFd);
}

void SshBastionTunnel::pump()
{
    // Two one-chunk buffers: what the target session wrote (to the channel) and what the
    // channel delivered (to the target session). Each side only reads when its buffer is empty,
    // so a slow side pushes back instead of growing memory.
    static constexpr size_t kChunk = 256 * 1024;
    std::unique_ptr<char[]> up(new char[kChunk]), down(new char[kChunk]);
    size_t upLen = 0, upOff = 0, downLen = 0, downOff = 0;
    bool localEof = false, remoteEof = false, eofSent = false;
    LIBSSH2_SESSION *s = m_bastion->handle();
    while (!m_stop) {
        bool progress = false;
        if (upLen == 0 && !localEof) {
            const ssize_t n = ::read(m_localFd, up.get(), kChunk);
            if (n > 0) {
                upLen = size_t(n);
                upOff = 0;
                progress = true;
            } else if (n == 0) {
                localEof = true;
            } else if (errno != EAGAIN && errno != EINTR) {
                break;
            }
        }
        if (upOff < upLen) {
            const ssize_t n = libssh2_channel_write(m_channel, up.get() + upOff, upLen - upOff);
            if (n > 0) {
                upOff += size_t(n);
                if (upOff == upLen)
                    upLen = upOff = 0;
                progress = true;
            } else if (n != LIBSSH2_ERROR_EAGAIN) {
                break;
            }
        }
        if (localEof && upLen == 0 && !eofSent) {
            const int rc = libssh2_channel_send_eof(m_channel);
            if (rc != LIBSSH2_ERROR_EAGAIN)
                eofSent = true;
        }
        if (downLen == 0 && !remoteEof) {
            const ssize_t n = libssh2_channel_read(m_channel, down.get(), kChunk);
            if (n > 0) {
                downLen = size_t(n);
                downOff = 0;
                progress = true;
            } else if (n == 0 || (n != LIBSSH2_ERROR_EAGAIN)) {
                if (n < 0 || libssh2_channel_eof(m_channel)) {
                    remoteEof = true;
                    ::shutdown(m_localFd, SHUT_WR);
                }
            }
        }
        if (downOff < downLen) {
            const ssize_t n = ::write(m_localFd, down.get() + downOff, downLen - downOff);
            if (n > 0) {
                downOff += size_t(n);
                if (downOff == downLen)
                    downLen = downOff = 0;
                progress = true;
            } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
                break;
            }
        }
        if (remoteEof && downLen == 0 && (localEof || eofSent))
            break;
        if (progress)
            continue;
        pollfd fds[3] = {};
        fds[0].fd = m_localFd;
        fds[0].events = short((upLen == 0 && !localEof ? POLLIN : 0) | (downLen > 0 ? POLLOUT : 0));
        fds[1].fd = m_bastion->socket();
        const int dir = libssh2_session_block_directions(s);
        fds[1].events = short(POLLIN | ((dir & LIBSSH2_SESSION_BLOCK_OUTBOUND) ? POLLOUT : 0));
        fds[2].fd = m_stopFd;
        fds[2].events = POLLIN;
        ::poll(fds, 3, 1000);
        if (fds[1].revents & (POLLHUP | POLLERR))
            break;
        int next = 0;
        if (libssh2_keepalive_send(s, &next) < 0
            && libssh2_session_last_errno(s) != LIBSSH2_ERROR_EAGAIN)
            break;
    }
    // The target session must see its connection end, not wait for ever.
    ::shutdown(m_localFd, SHUT_RDWR);
}

} // namespace kiln::comm
