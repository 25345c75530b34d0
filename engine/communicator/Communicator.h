#pragma once

#include "engine/build/CancelToken.h"
#include "engine/communicator/StdinSource.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>

#include <functional>

namespace kiln::comm {

// Called with chunks of a command's output as they arrive (not split on lines).
using OutputFn = std::function<void(const QByteArray &chunk)>;
// Transfer progress: bytes done so far and the total (-1 when unknown).
using ProgressFn = std::function<void(qint64 done, qint64 total)>;

struct RemoteCommand
{
    QString command; // run by the remote user's shell (`sh -c`), as Packer's RemoteCmd
    OutputFn onStdout;
    OutputFn onStderr;
    // Bytes written to the command's stdin first. Without a stdinSource, stdin is then
    // closed (at once when stdinData is empty too).
    QByteArray stdinData;
    // Streamed stdin, read after stdinData until its end, while the command's output flows;
    // then stdin is closed. Not owned; must outlive run(). See StdinSource for threading.
    StdinSource *stdinSource = nullptr;
};

struct CommandResult
{
    // The command's exit status; -1 when it has none (killed by a signal, connection lost).
    int exitStatus = -1;
    // The remote end went away while the command ran (reboot, shutdown, killed sshd):
    // Packer's "Remote end disconnected" case that `expect_disconnect` accepts.
    bool disconnected = false;
    // Set when the command could not be run or did not finish (not for a non-zero exit).
    QString error;

    bool ok() const { return error.isEmpty() && !disconnected; }
};

// Reaches the machine being built: runs commands there and moves files to and from it.
// Packer's packersdk.Communicator.
//
// Threading: an instance is used by one build's worker thread at a time; every call blocks
// until done, failed or cancelled. `cancel` may fire from any thread: a cancelled call kills
// what it started (the remote process, the local process group, the transfer) and returns
// promptly with error "cancelled". Implementations never load a whole file in memory.
class Communicator
{
public:
    virtual ~Communicator() = default;

    // "ssh", "local", "docker", "none": what build.ConnType reports.
    virtual QString type() const = 0;

    virtual CommandResult run(const RemoteCommand &cmd, const build::CancelTokenPtr &cancel) = 0;

    // Writes `size` bytes (-1: until EOF) read from `source` to the remote file `path`,
    // created with `mode` (0644 by default). Returns an error message, empty on success.
    virtual QString upload(const QString &path, QIODevice &source, qint64 size, int mode,
                           const ProgressFn &progress, const build::CancelTokenPtr &cancel)
        = 0;
    // Copies the local directory `localDir` to `remoteDir` with rsync's trailing-slash rule
    // as Packer's UploadDir: "src/" copies the contents, "src" the directory itself.
    // Files named in `exclude` (relative paths) are skipped.
    virtual QString uploadDir(const QString &remoteDir, const QString &localDir, const QStringList &exclude,
                              const ProgressFn &progress, const build::CancelTokenPtr &cancel)
        = 0;
    // Streams the remote file `path` into `target`.
    virtual QString download(const QString &path, QIODevice &target, const ProgressFn &progress,
                             const build::CancelTokenPtr &cancel)
        = 0;
    virtual QString downloadDir(const QString &remoteDir, const QString &localDir, const QStringList &exclude,
                                const ProgressFn &progress, const build::CancelTokenPtr &cancel)
        = 0;
};

} // namespace kiln::comm
