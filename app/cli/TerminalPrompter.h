#pragma once

#include "engine/build/Prompter.h"

#include <functional>
#include <mutex>

namespace kiln::cli {

// Answers build questions (-on-error=ask, -debug pauses, the breakpoint provisioner) from
// the terminal, one question at a time. The question is shown through `show` (the
// build's output, so it carries the build's prefix and colour); the answer is one line
// read from `fd`. At end of input (a CI job without a terminal) every answer is empty, so
// builds take the default instead of hanging.
class TerminalPrompter : public build::Prompter
{
public:
    using Show = std::function<void(const QString &build, const QString &question)>;
    explicit TerminalPrompter(Show show, int fd = 0);

    QString ask(const QString &build, const QString &question, const build::CancelTokenPtr &cancel) override;
    bool isInteractive() const override;

private:
    // One line, without the newline; nullopt-like empty with *eof set at end of input.
    QString readLine(const build::CancelTokenPtr &cancel, bool *eof);

    Show m_show;
    int m_fd;
    std::mutex m_mutex;
    bool m_eof = false;
};

} // namespace kiln::cli
