#pragma once

#include "engine/communicator/StdinSource.h"

#include <QByteArray>
#include <atomic>
#include <libssh/libssh.h>
#include <mutex>

namespace kiln::components {

// One SSH session channel of the proxy adapter as a byte stream: blocking reads of exact
// sizes or lines (scp control lines) and writes to stdout or stderr; and, as a StdinSource,
// the client's input streamed into a command run through the communicator.
//
// Threading: libssh sessions are not thread-safe, yet a communicator reads a command's
// stdin on its pump thread while output is written from the thread running the command
// (or, for some communicators, from two threads). So every libssh call here is made under
// one lock; the StdinSource read() waits in short slices and lets waiting writers in
// between. The exact-size and line reads are for the scp session, which runs on the
// connection's thread alone.
class AdapterChannel : public comm::StdinSource
{
public:
    explicit AdapterChannel(ssh_channel channel)
        : m_channel(channel)
    { }

    // False at EOF or on error, with whatever was read appended to *out.
    bool readExact(qsizetype size, QByteArray *out);
    // Reads up to and including "\n"; false at EOF before one.
    bool readLine(QByteArray *line);
    bool readByte(char *c);
    bool write(const QByteArray &data);
    bool writeStderr(const QByteArray &data);
    // exit-status, EOF and close: the end of an exec request.
    void finish(int exitStatus);
    ssh_channel handle() const { return m_channel; }

    // StdinSource: what the client sends, until its EOF or abort().
    qint64 read(char *data, qint64 size) override;
    void abort() override { m_aborted.store(true); }

private:
    bool fill();
    bool writeStream(const QByteArray &data, bool stderrStream);

    ssh_channel m_channel;
    std::mutex m_lock;
    std::atomic<int> m_writersWaiting{0};
    std::atomic<bool> m_aborted{false};
    QByteArray m_buffer;
    qsizetype m_offset = 0;
};

} // namespace kiln::components
