#pragma once

#include "engine/communicator/StdinSource.h"

#include <QByteArray>
#include <atomic>
#include <thread>

namespace kiln::comm {

// Feeds a command's stdin on a thread of its own: writes `head` (RemoteCommand::stdinData),
// then what the StdinSource yields, to a pipe, and closes the pipe at the end of the input.
// The communicator's own loop keeps reading the command's output meanwhile, so a command
// that echoes its input (`cat`) or a protocol that waits for an answer before sending more
// (SFTP) cannot deadlock on a blocking read of the source.
//
// The pipe is the local child's stdin (ProcessGroup) or, for a remote channel, a pipe whose
// read end the channel's loop polls beside its socket (SshCommandRunner).
class StdinPump
{
public:
    // Takes over `writeFd` (set non-blocking here) and starts the thread. `source` may be
    // null (only `head` is written).
    StdinPump(int writeFd, QByteArray head, StdinSource *source);
    // stop()
    ~StdinPump();
    StdinPump(const StdinPump &) = delete;
    StdinPump &operator=(const StdinPump &) = delete;

    // The command ended or was cancelled: aborts the source, wakes a write blocked on a
    // full pipe, closes the pipe and joins the thread. Idempotent.
    void stop();

private:
    void pump();
    bool writeAll(const char *data, qint64 size);

    int m_fd;
    int m_stopFd;
    QByteArray m_head;
    StdinSource *m_source;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
};

} // namespace kiln::comm
