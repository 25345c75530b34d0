#pragma once

#include "app/models/build/RunBatch.h"
#include "engine/build/BuildEvent.h"

#include <QHash>
#include <QMutex>
#include <QWaitCondition>
#include <memory>

namespace kiln::build {
class SecretFilter;
}

namespace kiln::models {

// The build side of the GUI's event path. Builds post from their worker threads; post()
// renders the event into console lines right there (so the GUI thread only draws) and
// appends them under a short lock. The GUI thread takes everything at once with take()
// on a timer: one batch per tick, however many lines were printed.
//
// Progress is coalesced: only the latest report of each transfer survives until the next
// take(), so a fast copy does not flood the GUI with redraws.
//
// Output is paced like a terminal's pipe: once maxPendingLines() lines wait, a build that
// posts more waits until the GUI takes them (a build printing 200 MB must not pile up
// gigabytes of lines the GUI has yet to see, nor hand it a batch too big for one turn).
// The wait is bounded: a taker that has not come for waitLimitMs() (the window is busy
// closing) stops the pacing until its next take(), so nothing can hang on it.
//
// Threading: post(), addLines() and take() are thread-safe. Only post() may wait, and
// never on the thread that takes.
class EventQueue : public build::EventSink
{
public:
    void setSecrets(std::shared_ptr<const build::SecretFilter> secrets);

    void post(const build::BuildEvent &event) override;
    // Lines that are not build events: diagnostics, the announcement, the summary.
    void addLines(const QList<ConsoleLine> &lines);
    // The builds of the run (the GUI makes their tabs) and the CLI's colour lines for them.
    void announce(const QStringList &builds);
    void setDiagnostics(const hcl::Diagnostics &diagnostics);
    RunBatch take();
    void setMaxPendingLines(qsizetype lines) { m_maxPending = std::max<qsizetype>(lines, 1); }
    qsizetype maxPendingLines() const { return m_maxPending; }
    static constexpr int waitLimitMs() { return 500; }
    // Scrubs with the run's secrets (artifact descriptions read on the GUI thread).
    QString scrub(const QString &text) const;

    // Turns one event into the CLI's lines (Packer's TargetedUI: every line prefixed, the
    // whole text right-trimmed). Empty for events the console does not print.
    static QList<ConsoleLine> render(
        const build::BuildEvent &event, const build::SecretFilter *secrets);
    // Splits run-wide text (the summary, diagnostics) into lines of `kind`.
    static QList<ConsoleLine> plainLines(ConsoleLine::Kind kind, const QString &text);

private:
    mutable QMutex m_mutex;
    QWaitCondition m_taken;
    // About what the GUI draws in one flush interval without a stall (see bench/
    // designer-output.sh).
    qsizetype m_maxPending = 6000;
    bool m_takerAway = false;
    Qt::HANDLE m_takerThread = nullptr;
    std::shared_ptr<const build::SecretFilter> m_secrets;
    RunBatch m_pending;
    QHash<QString, qsizetype> m_progressIndex; // build + '\n' + what -> index in m_pending.progress
};

} // namespace kiln::models
