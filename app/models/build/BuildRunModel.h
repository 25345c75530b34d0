#pragma once

#include "app/models/build/BuildRunInfo.h"
#include "app/models/build/ConsoleBuffer.h"
#include "app/models/build/RunBatch.h"
#include "app/models/build/RunRequest.h"
#include "engine/build/CancelToken.h"
#include "engine/hcl/Diagnostic.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <map>
#include <memory>

namespace kiln::models {

class EventQueue;
class GuiPrompter;

// One run of a template from the designer: `kiln build` on a worker thread, watched from
// the GUI thread. Planning, prepare and the BuildScheduler run through QtConcurrent::run;
// builds post events from their own threads into an EventQueue, and a timer on the GUI
// thread takes them every flushInterval() ms and hands them on as ONE batch: a console
// printing megabytes per second costs the GUI one signal per tick, never one per line.
//
// The console text is the CLI's (Packer's) for the same template and flags, line for line:
// colour announcements, "==> NAME: ..." lines, "Build 'NAME' finished ...", the summary.
//
// Threading: every public member is for the GUI thread. cancel() never blocks; the
// destructor cancels and waits for the worker (builds clean up first).
class BuildRunModel : public QObject
{
    Q_OBJECT
public:
    explicit BuildRunModel(QObject *parent = nullptr);
    ~BuildRunModel() override;

    // Starts a run; false when one is still running.
    bool start(const RunRequest &request);
    // Stop: cancels through the run's CancelToken; builds clean up and the run finishes.
    void cancel();
    bool isRunning() const { return m_running; }
    // Blocks (processing events) until the run is over; for tests and shutdown.
    bool waitForFinished(int timeoutMs);

    QStringList buildNames() const { return m_order; }
    const BuildRunInfo *build(const QString &name) const;
    const ConsoleBuffer &allConsole() const { return m_all; }
    const hcl::Diagnostics &diagnostics() const { return m_diagnostics; }
    int exitCode() const { return m_exitCode; }
    bool wasCancelled() const { return m_cancelledRun; }
    qint64 elapsedMs() const;

    // Answers the question `id` of questionAsked ("c", "a", "r", or "" for "press enter").
    void answer(quint64 id, const QString &text);

    void setFlushInterval(int ms);
    int flushInterval() const { return m_flushTimer.interval(); }
    // At most this many lines go to the views per batch; a burst is drawn over several
    // event-loop turns so input and painting get through in between. The model's own
    // buffers take every line at once.
    void setMaxLinesPerBatch(int lines) { m_maxLinesPerBatch = std::max(lines, 1); }
    // Lines waiting to be shown beyond this many are left out of the views (the buffers
    // keep them) with a notice: output faster than the views can draw must not pile up.
    void setMaxUndelivered(int lines) { m_maxUndelivered = std::max(lines, 1); }
    // GUI-thread cost of the event path, for tests and the benchmark: batches delivered,
    // events the builds posted, and the time spent per batch (receivers included).
    int batchCount() const { return m_batches; }
    // Lines the views never showed because output outran drawing (the buffers have them).
    qint64 skippedLines() const { return m_skipped; }
    qint64 eventsReceived() const { return m_events; }
    qint64 maxBatchNs() const { return m_maxBatchNs; }
    qint64 totalBatchNs() const { return m_totalBatchNs; }

signals:
    void runningChanged(bool running);
    void runStarted();
    void buildsAnnounced(const QStringList &builds);
    void buildStateChanged(
        const QString &build, kiln::models::BuildState state, const QString &step);
    void linesAppended(const QList<kiln::models::ConsoleLine> &lines);
    void progressChanged(const QString &build, const QString &what, qint64 bytes, qint64 total);
    void artifactAdded(const QString &build, const QString &description);
    void diagnosticsChanged(const kiln::hcl::Diagnostics &diagnostics);
    void questionAsked(quint64 id, const QString &build, const QString &question);
    void questionWithdrawn(quint64 id);
    void finished(int exitCode);

private:
    struct Outcome
    {
        int exitCode = 1;
    };
    static Outcome work(RunRequest request, std::shared_ptr<EventQueue> queue,
        build::CancelTokenPtr cancel, GuiPrompter *prompter);
    void flush();
    void deliver();
    void apply(const build::BuildEvent &event);
    BuildRunInfo &info(const QString &name);
    void workerDone();
    void finishRun();

    QThreadPool m_pool; // the run's own thread: the global pool stays free for compressors
    QTimer m_flushTimer;
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<EventQueue> m_queue;
    build::CancelTokenPtr m_cancel;
    std::unique_ptr<GuiPrompter> m_prompter;
    bool m_running = false;
    bool m_cancelledRun = false;
    int m_exitCode = 0;

    QStringList m_order;
    std::map<QString, std::unique_ptr<BuildRunInfo>> m_builds;
    ConsoleBuffer m_all;
    hcl::Diagnostics m_diagnostics;
    QElapsedTimer m_clock;
    qint64 m_finalElapsedMs = 0;

    QList<ConsoleLine> m_undelivered;
    qsizetype m_undeliveredStart = 0;
    bool m_deliverQueued = false;
    bool m_finishPending = false; // the worker is done; finish once every line is delivered
    int m_maxLinesPerBatch = 1500;
    int m_maxUndelivered = 60000;
    qint64 m_skipped = 0;

    int m_batches = 0;
    qint64 m_events = 0;
    qint64 m_maxBatchNs = 0;
    qint64 m_totalBatchNs = 0;
};

} // namespace kiln::models
