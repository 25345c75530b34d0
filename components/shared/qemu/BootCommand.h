#pragma once

#include <QList>
#include <QString>

namespace kiln::components {

// One action of a boot command: press and release keys, hold or release one, or wait.
struct BootAction
{
    enum Kind { Press, Down, Up, Wait };
    Kind kind = Press;
    // QEMU qcodes: modifiers first ("shift", "a"); one key for Down/Up.
    QStringList keys;
    qint64 waitMs = 0;
};

// Packer's boot command language (packer-plugin-sdk bootcommand): literal characters,
// special keys (<enter>, <f5>, <leftCtrlOn>, ...), and waits (<wait>, <wait5>, <wait1m30s>).
// Anything between angle brackets that is not a known key or wait is typed literally, as
// Packer's grammar does. Keys are QEMU qcodes for QMP input-send-event.
class BootCommand
{
public:
    // Parses an already rendered command. A <wait...> whose duration does not parse is
    // typed literally, like any unknown <...>.
    static QList<BootAction> parse(const QString &command);
    // The qcodes (with "shift" first when needed) that type one character; empty if unknown.
    static QStringList keysForChar(QChar c);
    // The qcode of a special key name ("enter" -> "ret"), empty if unknown.
    static QString specialKey(const QString &name);
};

} // namespace kiln::components
