#pragma once

#include <QString>
#include <QStringList>

namespace kiln::output {

// The command's own UI, not bound to a build: Packer's c.Ui that prints "==> Wait completed
// ...", the end-of-run lists and "Cancelling build after receiving interrupt". The console
// prints say/error text as is (no colour, no target, no timestamp) and ignores machine();
// the machine-readable writer turns say/error into `ui` lines and prints machine() lines.
//
// Threading: implementations are thread-safe.
class CommandUi
{
public:
    virtual ~CommandUi() = default;
    virtual void say(const QString &text) = 0;
    virtual void error(const QString &text) = 0;
    // A machine-readable line "TIME,target,type,args...". `target` may be empty.
    virtual void machine(const QString &target, const QString &type, const QStringList &args) = 0;
};

} // namespace kiln::output
