#pragma once

#include "engine/communicator/Communicator.h"

namespace kiln::comm {

class SshSession;

// Runs one RemoteCommand on an exec channel (Packer's comm.Start + RemoteCmd.Wait): streams
// stdout and stderr to the callbacks as chunks arrive, feeds stdin (stdinData, then a
// StdinSource through a StdinPump, interleaved with the reads), reports the exit status
// (128 + signal number when a signal ended it, as Go's ssh package does), and notices the
// remote end going away.
//
// Cancel: sends SIGTERM to the command's process group (from a second channel: libssh2 1.10
// has no "signal" request), then SIGKILL if it is still running two seconds later, then
// closes the channel (with a pty, sshd also hangs the terminal up), and returns error
// "cancelled". The kill needs a POSIX shell and pgrep or ps on the remote.
class SshCommandRunner
{
public:
    SshCommandRunner(SshSession &session, bool pty, qint64 readWriteTimeoutMs)
        : m_session(session)
        , m_pty(pty)
        , m_readWriteTimeoutMs(readWriteTimeoutMs)
    { }

    CommandResult run(const RemoteCommand &cmd, const build::CancelTokenPtr &cancel);

private:
    void signalRemote(const char *signal);

    SshSession &m_session;
    bool m_pty;
    qint64 m_readWriteTimeoutMs;
};

} // namespace kiln::comm
