#pragma once

#include "engine/build/CancelToken.h"

#include <QByteArray>
#include <QStringList>

#include <memory>
#include <mutex>
#include <thread>

namespace kiln::components {

// A running QEMU: started as the leader of its own process group (so stop() also ends
// helpers it spawns) on a watcher thread that records its exit and its stderr.
// Packer's QemuDriver.Qemu / Stop / WaitForShutdown.
//
// Threading: start/stop/wait are called from the build's worker thread; the watcher thread
// only writes the guarded exit state. stop() may also run from a cancel callback.
class QemuProcess
{
public:
    QemuProcess() = default;
    ~QemuProcess();
    QemuProcess(const QemuProcess &) = delete;
    QemuProcess &operator=(const QemuProcess &) = delete;

    // Starts `argv`; returns an error when QEMU exits within the first `settleMs` (bad
    // arguments, a locked disk), with its stderr.
    QString start(const QStringList &argv, int settleMs = 1000);
    bool isRunning() const;
    // Waits up to `ms` for QEMU to exit on its own; false on timeout or cancel.
    bool waitForExit(qint64 ms, const build::CancelTokenPtr &cancel);
    // SIGTERM to the group, SIGKILL after a grace period; waits for the exit.
    void stop();
    QByteArray stderrOutput() const;

private:
    build::CancelTokenPtr m_kill;
    std::thread m_watcher;
    mutable std::mutex m_mutex;
    bool m_running = false;
    QByteArray m_stderr;
};

} // namespace kiln::components
