#include "engine/communicator/StdinPump.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace kiln::comm {

StdinPump::StdinPump(int writeFd, QByteArray head, StdinSource *source)
    : m_fd(writeFd)
    , m_stopFd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
    , m_head(std::move(head))
    , m_source(source)
{
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    m_thread = std::thread([this] { pump(); });
}

StdinPump::~StdinPump()
{
    stop();
    if (m_stopFd >= 0)
        ::close(m_stopFd);
}

void StdinPump::stop()
{
    if (!m_thread.joinable())
        return;
    m_stopping.store(true);
    const quint64 one = 1;
    [[maybe_unused]] auto n = ::write(m_stopFd, &one, sizeof one);
    if (m_source)
        m_source->abort();
    m_thread.join();
}

bool StdinPump::writeAll(const char *data, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        if (m_stopping.load())
            return false;
        const ssize_t n = ::write(m_fd, data + done, size_t(size - done));
        if (n > 0) {
            done += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno != EAGAIN)
            return false; // EPIPE: the command closed its stdin or ended
        // The pipe is full: wait for room or for stop().
        pollfd fds[2] = {{m_fd, POLLOUT, 0}, {m_stopFd, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0 && errno != EINTR)
            return false;
        if (fds[0].revents & (POLLERR | POLLHUP))
            return false;
    }
    return true;
}

void StdinPump::pump()
{
    // A reader that went away must end the pump with EPIPE, not kill Kiln with SIGPIPE. The
    // signal is blocked for this thread only; one left pending dies with the thread.
    sigset_t pipeSet;
    sigemptyset(&pipeSet);
    sigaddset(&pipeSet, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeSet, nullptr);

    bool open = writeAll(m_head.constData(), m_head.size());
    if (m_source) {
        QByteArray buffer(64 * 1024, Qt::Uninitialized);
        while (open && !m_stopping.load()) {
            const qint64 n = m_source->read(buffer.data(), buffer.size());
            if (n <= 0)
                break;
            open = writeAll(buffer.constData(), n);
        }
    }
    // Closing is the command's end of input (EOF on its stdin).
    ::close(m_fd);
    m_fd = -1;
}

} // namespace kiln::comm
