#pragma once

#include "engine/build/Prompter.h"

#include <functional>
#include <mutex>

namespace kiln::cli {

// Answers build questions (-on-error=ask, -debug pauses, the breakpoint provisioner) from
// the controlling terminal, one question at a time, as Packer's BasicUi does: the question
// is shown through `show` (the build's output, so it carries the build's prefix and
// colour, ended by a space), and the answer is one line read from /dev/tty — not stdin,
// which may be a pipe. Without a terminal (a CI job) nothing is asked and every answer is
// empty, so builds take the default instead of hanging.
class TerminalPrompter : public build::Prompter
{
public:
    using Show = std::function<void(const QString &build, const QString &question)>;
    // `interrupted` is called when a cancel (Ctrl-C) ends a question unanswered, so that
    // further output starts on a new line. `ttyPath` is for tests.
    TerminalPrompter(Show show, std::function<void()> interrupted, const char *ttyPath = "/dev/tty");
    ~TerminalPrompter() override;
    TerminalPrompter(const TerminalPrompter &) = delete;
    TerminalPrompter &operator=(const TerminalPrompter &) = delete;

    QString ask(const QString &build, const QString &question, const build::CancelTokenPtr &cancel) override;
    bool isInteractive() const override { return m_fd >= 0; }

private:
    // One line, without the newline; *eof set at end of input.
    QString readLine(const build::CancelTokenPtr &cancel, bool *eof);

    Show m_show;
    std::function<void()> m_interrupted;
    int m_fd = -1;
    std::mutex m_mutex;
    bool m_eof = false;
};

} // namespace kiln::cli
