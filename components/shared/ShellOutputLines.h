#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <functional>

namespace kiln::components {

// Turns a command's output chunks into the lines Packer shows (RemoteCmd.RunWithUi): split
// at "\n" whatever the chunk boundaries (a chunk may end mid-line or mid-character), then
// each line loses its trailing white space and everything up to its last "\r" (a progress
// bar redrawn in place shows its final state). Bytes are decoded as UTF-8.
//
// The complete lines of each chunk are handed over together, joined with "\n" (one event
// per chunk, not per line: a provisioner printing megabytes stays cheap).
class ShellOutputLines
{
public:
    // onLines gets one or more cleaned lines joined with "\n".
    explicit ShellOutputLines(std::function<void(const QString &lines)> onLines);

    void feed(const QByteArray &chunk);
    // Emits a last line that did not end in "\n" (the command has finished).
    void finish();

    static QString cleanLine(QByteArrayView line);
    // Cleans every line of `lines` (joined with "\n") as cleanLine does; returns the text
    // itself when no line needs it, which is the common case.
    static QString cleanLines(const QString &lines);

private:
    std::function<void(const QString &)> m_onLines;
    QByteArray m_pending;
};

} // namespace kiln::components
