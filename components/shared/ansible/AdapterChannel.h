#pragma once

#include <QByteArray>
#include <libssh/libssh.h>
#include <mutex>

namespace kiln::components {

// One SSH session channel of the proxy adapter as a byte stream: blocking reads of exact
// sizes or lines (SFTP packets, scp control lines) and writes to stdout or stderr. Writes
// are locked, because a communicator may deliver a command's stdout and stderr on two
// threads.
class AdapterChannel
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

private:
    bool fill();

    ssh_channel m_channel;
    std::mutex m_writeMutex;
    QByteArray m_buffer;
    qsizetype m_offset = 0;
};

} // namespace kiln::components
