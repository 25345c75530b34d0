#pragma once

#include "engine/build/BuildUi.h"
#include "engine/communicator/Communicator.h"

#include <QElapsedTimer>
#include <QString>
#include <mutex>

namespace kiln::components {

// Turns a communicator's byte counts into Progress events for one transfer (Packer's
// ui.TrackProgress). A communicator reports every chunk; the console and the GUI need a
// few updates a second, so events are thinned to one per interval, plus the first and the
// last (done == total), which consumers use to open and close a progress bar.
class TransferProgress
{
public:
    TransferProgress(const build::BuildUi &ui, QString what, qint64 intervalMs = 100)
        : m_ui(ui)
        , m_what(std::move(what))
        , m_intervalMs(intervalMs)
    { }

    // A transfer of unknown size has no "last" event; the final count is reported here
    // unless it already was.
    ~TransferProgress()
    {
        if (m_seen && m_seenDone != m_emittedDone)
            m_ui.progress(m_what, m_seenDone, m_seenTotal);
    }
    TransferProgress(const TransferProgress &) = delete;
    TransferProgress &operator=(const TransferProgress &) = delete;

    // Valid while this object lives; callable from any thread.
    comm::ProgressFn callback()
    {
        return [this](qint64 done, qint64 total) { report(done, total); };
    }

    void report(qint64 done, qint64 total)
    {
        std::lock_guard lock(m_mutex);
        m_seen = true;
        m_seenDone = done;
        m_seenTotal = total;
        const bool last = total >= 0 && done >= total;
        if (last && m_finished)
            return;
        if (!last && m_timer.isValid() && m_timer.elapsed() < m_intervalMs)
            return;
        m_timer.start();
        m_finished = last;
        m_emittedDone = done;
        m_ui.progress(m_what, done, total);
    }

private:
    build::BuildUi m_ui;
    QString m_what;
    qint64 m_intervalMs;
    std::mutex m_mutex;
    QElapsedTimer m_timer;
    bool m_finished = false;
    bool m_seen = false;
    qint64 m_seenDone = 0;
    qint64 m_seenTotal = -1;
    qint64 m_emittedDone = -1;
};

} // namespace kiln::components
