#include "app/cli/InterruptHandler.h"

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace kiln::cli {

namespace {

std::atomic<int> g_writeFd { -1 };
struct sigaction g_oldInt;
struct sigaction g_oldTerm;

// Async-signal-safe: only write() to the self-pipe; the watcher thread does the rest.
void onSignal(int sig)
{
    const int fd = g_writeFd.load();
    if (fd >= 0) {
        const unsigned char b = static_cast<unsigned char>(sig);
        const int saved = errno;
        [[maybe_unused]] const ssize_t n = ::write(fd, &b, 1);
        errno = saved;
    }
}

} // namespace

InterruptHandler::InterruptHandler(build::CancelTokenPtr token, Report report)
    : m_token(std::move(token))
    , m_report(std::move(report))
{
    if (::pipe2(m_pipe, O_CLOEXEC) != 0)
        return;
    g_writeFd = m_pipe[1];
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, &g_oldInt);
    sigaction(SIGTERM, &sa, &g_oldTerm);
    m_thread = std::thread([this] { watch(); });
}

InterruptHandler::~InterruptHandler()
{
    if (m_pipe[1] < 0)
        return;
    sigaction(SIGINT, &g_oldInt, nullptr);
    sigaction(SIGTERM, &g_oldTerm, nullptr);
    g_writeFd = -1;
    const unsigned char stop = 0;
    [[maybe_unused]] const ssize_t n = ::write(m_pipe[1], &stop, 1);
    if (m_thread.joinable())
        m_thread.join();
    ::close(m_pipe[0]);
    ::close(m_pipe[1]);
}

void InterruptHandler::watch()
{
    int received = 0;
    for (;;) {
        unsigned char sig = 0;
        const ssize_t n = ::read(m_pipe[0], &sig, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || sig == 0)
            return;
        ++received;
        // Go's os.Signal names, as Packer prints them.
        const QString name = sig == SIGTERM ? QStringLiteral("terminated") : QStringLiteral("interrupt");
        if (received == 1) {
            if (m_report)
                m_report(QStringLiteral("Cancelling build after receiving %1").arg(name));
            m_token->cancel(name);
        } else if (m_report) {
            m_report(QStringLiteral("Received %1 again: still cleaning up (stopping processes, removing temporary "
                                    "files and partial artifacts). Kiln exits when cleanup is done.")
                         .arg(name));
        }
    }
}

} // namespace kiln::cli
