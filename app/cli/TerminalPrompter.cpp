#include "app/cli/TerminalPrompter.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>

namespace kiln::cli {

TerminalPrompter::TerminalPrompter(Show show, int fd)
    : m_show(std::move(show))
    , m_fd(fd)
{
}

QString TerminalPrompter::readLine(const build::CancelTokenPtr &cancel, bool *eof)
{
    QByteArray line;
    for (;;) {
        if (cancel && cancel->isCancelled())
            return {};
        pollfd p { m_fd, POLLIN, 0 };
        // Short polls so a cancel (Ctrl-C) is noticed while waiting for the answer.
        const int n = ::poll(&p, 1, 100);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *eof = true;
            return QString::fromUtf8(line);
        }
        if (n == 0)
            continue;
        char c = 0;
        const ssize_t r = ::read(m_fd, &c, 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            *eof = true;
            return QString::fromUtf8(line);
        }
        if (c == '\n')
            return QString::fromUtf8(line);
        if (c != '\r')
            line.append(c);
    }
}

bool TerminalPrompter::isInteractive() const
{
    return ::isatty(m_fd) == 1;
}

QString TerminalPrompter::ask(const QString &build, const QString &question, const build::CancelTokenPtr &cancel)
{
    std::lock_guard lock(m_mutex);
    if (m_show)
        m_show(build, question);
    if (m_eof)
        return {};
    bool eof = false;
    const QString answer = readLine(cancel, &eof);
    m_eof = eof;
    return answer;
}

} // namespace kiln::cli
