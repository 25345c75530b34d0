#include "app/cli/TerminalPrompter.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>

namespace kiln::cli {

TerminalPrompter::TerminalPrompter(Show show, std::function<void()> interrupted, const char *ttyPath)
    : m_show(std::move(show))
    , m_interrupted(std::move(interrupted))
    , m_fd(::open(ttyPath, O_RDWR | O_NOCTTY | O_CLOEXEC))
{
}

TerminalPrompter::~TerminalPrompter()
{
    if (m_fd >= 0)
        ::close(m_fd);
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

QString TerminalPrompter::ask(const QString &build, const QString &question, const build::CancelTokenPtr &cancel)
{
    std::lock_guard lock(m_mutex);
    // Packer: "no available tty" — the question is not even shown.
    if (m_fd < 0 || m_eof)
        return {};
    if (m_show)
        m_show(build, question);
    bool eof = false;
    const QString answer = readLine(cancel, &eof);
    m_eof = eof;
    if (cancel && cancel->isCancelled() && m_interrupted)
        m_interrupted();
    return answer.trimmed();
}

} // namespace kiln::cli
