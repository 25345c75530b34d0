#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>

namespace kiln::components {

// Turns a command's output chunks into the lines Packer shows (RemoteCmd.RunWithUi): split
// at "\n" whatever the chunk boundaries (a chunk may end mid-line or mid-character), then
// each line loses its trailing white space and everything up to its last "\r" (a progress
// bar redrawn in place shows its final state). Bytes are decoded as UTF-8 per line.
class ShellOutputLines
{
public:
    // onLines gets the complete lines of each chunk at once (never an empty list).
    explicit ShellOutputLines(std::function<void(const QStringList &lines)> onLines);

    void feed(const QByteArray &chunk);
    // Emits a last line that did not end in "\n" (the command has finished).
    void finish();

    static QString cleanLine(QByteArrayView line);

private:
    std::function<void(const QStringList &)> m_onLines;
    QByteArray m_pending;
};

} // namespace kiln::components
