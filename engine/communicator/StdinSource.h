#pragma once

#include <QtGlobal>

namespace kiln::comm {

// A command's standard input as a stream (Packer's RemoteCmd.Stdin io.Reader): what a
// communicator reads while the command runs, for input that is not known up front (the
// Ansible proxy adapter forwards its SSH client's stdin through this).
//
// Threading: a communicator calls read() from a thread of its own that feeds the command
// (see StdinPump), never from the thread inside Communicator::run(), so read() may block
// without stopping the command's output from flowing. abort() comes from the thread in
// run() when the command ended or was cancelled; a blocked read() must then return 0
// promptly, because run() waits for it before returning.
class StdinSource
{
public:
    virtual ~StdinSource() = default;

    // Blocks until input is available. Returns the bytes stored in `data` (1..size), 0 at
    // the end of the input (or after abort()), -1 when the input failed (the command then
    // sees its stdin closed, as at the end).
    virtual qint64 read(char *data, qint64 size) = 0;
    // Thread-safe: wakes a blocked read() and makes every later read() return 0.
    virtual void abort() = 0;
};

} // namespace kiln::comm
