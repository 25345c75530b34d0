#pragma once

#include "engine/communicator/Communicator.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kiln::comm {

// Runs one local program as the leader of a new process group, with piped stdin/stdout/
// stderr, and waits for it. The group is what makes cancel reliable: a script that starts
// background children (`sleep 1000 &`) is stopped as a whole, where killing only the shell
// would leave its children running and holding the output pipes open.
//
// Threading: run() blocks the calling thread (a build's worker) and needs no event loop; it
// multiplexes the pipes with poll(). Output callbacks run on that thread. `cancel` may fire
// from any thread: it sends SIGTERM to the group at once and SIGKILL after killGraceMs.
class ProcessGroup
{
public:
    struct Options
    {
        // argv[0] is looked up in the caller's PATH when it has no slash (as Go's exec).
        QStringList argv;
        // Changes to the inherited environment: set (or replace), then unset.
        QMap<QString, QString> setEnv;
        QStringList unsetEnv;
        QString workingDirectory; // empty: the caller's
        QByteArray stdinData; // written, then stdin is closed (unless stdinSource is set)
        StdinSource *stdinSource = nullptr; // streamed after stdinData (see StdinPump)
        OutputFn onStdout;
        OutputFn onStderr;
        // How long a cancelled group gets to exit after SIGTERM before SIGKILL.
        int killGraceMs = 5000;
        // How long output is still read after the leader exited while a leftover
        // background process keeps the pipes open.
        int drainMs = 2000;
    };

    // exitStatus: the leader's exit code, -1 when a signal ended it. error: the program could
    // not be started (Go's wording: `exec: "x": executable file not found in $PATH`,
    // `fork/exec /x: permission denied`), or "cancelled".
    static CommandResult run(const Options &options, const build::CancelTokenPtr &cancel);
};

} // namespace kiln::comm
