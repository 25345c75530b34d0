#pragma once

#include <QByteArray>
#include <QMutex>
#include <cstdio>
#include <memory>

class QIODevice;

namespace kiln::output {

// One destination of output (stdout, a log file, a buffer in a test) shared by every writer
// that prints to it. Each write() is one whole chunk of complete lines, written under one lock
// and flushed at once, so the lines of parallel builds never interleave mid-line and the
// output is live even when it is a pipe or a file.
//
// Threading: write() may be called from any thread. The device or FILE* must outlive the
// stream; the stream never closes it.
class OutputStream
{
public:
    explicit OutputStream(QIODevice *device);
    explicit OutputStream(FILE *file);

    void write(const QByteArray &bytes);
    // Whether the destination is a terminal (progress lines and "\r" are only for those).
    bool isTerminal() const { return m_terminal; }
    // Forces isTerminal(), for tests and for a GUI console that renders "\r".
    void setTerminal(bool terminal) { m_terminal = terminal; }

private:
    QMutex m_mutex;
    QIODevice *m_device = nullptr;
    FILE *m_file = nullptr;
    bool m_terminal = false;
};

using OutputStreamPtr = std::shared_ptr<OutputStream>;

} // namespace kiln::output
