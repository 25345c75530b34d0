#pragma once

#include "engine/build/CancelToken.h"

#include <QString>

namespace kiln::build {

// Asks the person running the build a question and waits for the answer: -on-error=ask,
// the breakpoint provisioner, -debug's pause after each step. The CLI reads a line from
// the terminal; the GUI shows a prompt in the build's console pane.
//
// Threading: ask() is called on a build's worker thread and blocks until answered or
// until `cancel` fires (then it returns an empty string). Implementations serialise
// questions from parallel builds so that answers go to the right one.
class Prompter
{
public:
    virtual ~Prompter() = default;
    // `build` names who asks; `question` is printed as is (may span lines). Returns the
    // line typed, without its newline.
    virtual QString ask(const QString &build, const QString &question, const CancelTokenPtr &cancel) = 0;
    // Whether someone can answer: false for `kiln build` without a terminal (CI), where the
    // breakpoint provisioner fails as Packer's does ("no available tty") and -on-error=ask
    // cleans up.
    virtual bool isInteractive() const { return true; }
};

} // namespace kiln::build
