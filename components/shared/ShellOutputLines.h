#pragma once

#include <QByteArray>
#include <QString>
#include <functional>

namespace kiln::components {

// Turns a command's output chunks into the lines Packer shows (RemoteCmd.RunWithUi): split
// at "\n" whatever the chunk boundaries (a chunk may end mid-line or mid-character), then
// each line loses its trailing white space and everything up to its last "\r" (a progress
// bar redrawn in place shows its final state). Bytes are decoded as UTF-8 per line.
class ShellOutputLines
{
public:
    explicit ShellOutputLines(std::function<void(const QString &line)> onLine);

    void feed(const QByteArray &chunk);
    // Emits a last line that did not end in "\n" (the command has finished).
    void finish();

    static QString cleanLine(const QByteArray &line);

private:
    std::function<void(const QString &)> m_onLine;
    QByteArray m_pending;
};

} // namespace kiln::components
