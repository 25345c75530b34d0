#include "app/models/build/EventQueue.h"

#include "engine/build/SecretFilter.h"
#include "engine/output/BuildSummary.h"
#include "engine/output/ConsoleFormat.h"

#include <QDeadlineTimer>
#include <QThread>

namespace kiln::models {

using build::BuildEvent;
using output::ConsoleFormat;

namespace {

qint64 eventTime(const BuildEvent &e)
{
    return e.time.isValid() ? e.time.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
}

// Packer's TargetedUI output cut back into lines that remember their prefix.
void prefixed(
    QList<ConsoleLine> &out, ConsoleLine::Kind kind, const BuildEvent &e, const QString &text)
{
    const bool arrow = kind != ConsoleLine::Kind::Message;
    const QString target = ConsoleFormat::target(e.build, e.component);
    const QString head
        = (arrow ? QStringLiteral("==> ") : QStringLiteral("    ")) + target + QStringLiteral(": ");
    const QString all = ConsoleFormat::prefixLines(arrow, target, text);
    const qint64 when = eventTime(e);
    for (const QString &line : all.split(QLatin1Char('\n'))) {
        ConsoleLine l;
        l.kind = kind;
        l.build = e.build;
        l.msecsSinceEpoch = when;
        if (line.startsWith(head)) {
            l.prefix = head;
            l.text = line.mid(head.size());
        } else {
            l.prefix = line; // the right-trimmed head of an empty last line
        }
        out.append(std::move(l));
    }
}

} // namespace

void EventQueue::setSecrets(std::shared_ptr<const build::SecretFilter> secrets)
{
    QMutexLocker lock(&m_mutex);
    m_secrets = std::move(secrets);
}

QList<ConsoleLine> EventQueue::plainLines(ConsoleLine::Kind kind, const QString &text)
{
    QList<ConsoleLine> out;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // The CLI prints text + "\n": a trailing newline in the text is a blank line.
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        ConsoleLine l;
        l.kind = kind;
        l.text = line;
        l.msecsSinceEpoch = now;
        out.append(std::move(l));
    }
    return out;
}

QList<ConsoleLine> EventQueue::render(const BuildEvent &e, const build::SecretFilter *secrets)
{
    QList<ConsoleLine> out;
    // BuildUi scrubbed the text already; events posted by other means (the prompter's
    // question, a component posting directly) go through the filter here as well.
    auto scrub = [secrets](const QString &t) { return secrets ? secrets->scrub(t) : t; };
    switch (e.kind) {
    case BuildEvent::Kind::Say:
    case BuildEvent::Kind::Message:
    case BuildEvent::Kind::Error: {
        const ConsoleLine::Kind kind = e.kind == BuildEvent::Kind::Say ? ConsoleLine::Kind::Say
            : e.kind == BuildEvent::Kind::Message                      ? ConsoleLine::Kind::Message
                                                                       : ConsoleLine::Kind::Error;
        // A batch of command output is one message per line, each prefixed and trimmed alone.
        for (const QString &text : build::eachLine(e, scrub(e.text)))
            prefixed(out, kind, e, text);
        break;
    }
    case BuildEvent::Kind::BuildFinished: {
        const bool failed = !e.error.isEmpty();
        const QString text = failed ? output::BuildSummary::erroredText(e, scrub(e.error))
                                    : output::BuildSummary::finishedText(e);
        const qint64 when = eventTime(e);
        for (ConsoleLine l :
            plainLines(failed ? ConsoleLine::Kind::Errored : ConsoleLine::Kind::Finished, text)) {
            l.build = e.build;
            l.msecsSinceEpoch = when;
            out.append(std::move(l));
        }
        break;
    }
    case BuildEvent::Kind::BuildStarted:
    case BuildEvent::Kind::Progress:
    case BuildEvent::Kind::StepStarted:
    case BuildEvent::Kind::StepFinished:
    case BuildEvent::Kind::Artifact:
        break;
    }
    return out;
}

void EventQueue::post(const BuildEvent &event)
{
    std::shared_ptr<const build::SecretFilter> secrets;
    {
        QMutexLocker lock(&m_mutex);
        secrets = m_secrets;
    }
    // Rendering happens here, outside the lock, on the build's own thread.
    QList<ConsoleLine> lines = render(event, secrets.get());
    QMutexLocker lock(&m_mutex);
    if (!lines.isEmpty() && m_pending.lines.size() >= m_maxPending && !m_takerAway && m_takerThread
        && QThread::currentThreadId() != m_takerThread) {
        QDeadlineTimer deadline(waitLimitMs());
        while (m_pending.lines.size() >= m_maxPending && !m_takerAway)
            if (!m_taken.wait(&m_mutex, deadline)) {
                m_takerAway = true;
                break;
            }
    }
    ++m_pending.posted;
    if (event.kind == BuildEvent::Kind::Progress) {
        const QString key
            = event.build + QLatin1Char('\n') + event.component + QLatin1Char('\n') + event.text;
        auto it = m_progressIndex.constFind(key);
        if (it != m_progressIndex.constEnd()) {
            m_pending.progress[it.value()] = event;
        } else {
            m_progressIndex.insert(key, m_pending.progress.size());
            m_pending.progress.append(event);
        }
        return;
    }
    m_pending.lines.append(std::move(lines));
    if (event.kind != BuildEvent::Kind::Say && event.kind != BuildEvent::Kind::Message
        && event.kind != BuildEvent::Kind::Error)
        m_pending.events.append(event);
}

void EventQueue::addLines(const QList<ConsoleLine> &lines)
{
    QMutexLocker lock(&m_mutex);
    m_pending.lines.append(lines);
}

void EventQueue::announce(const QStringList &builds)
{
    QList<ConsoleLine> lines;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString &b : builds) {
        ConsoleLine l;
        l.kind = ConsoleLine::Kind::Announce;
        l.build = b;
        l.text = b + QStringLiteral(": output will be in this color.");
        l.msecsSinceEpoch = now;
        lines.append(std::move(l));
    }
    if (!lines.isEmpty()) {
        ConsoleLine blank;
        blank.kind = ConsoleLine::Kind::Announce;
        blank.msecsSinceEpoch = now;
        lines.append(blank);
    }
    QMutexLocker lock(&m_mutex);
    m_pending.announced += builds;
    m_pending.lines.append(std::move(lines));
}

void EventQueue::setDiagnostics(const hcl::Diagnostics &diagnostics)
{
    QMutexLocker lock(&m_mutex);
    m_pending.diagnostics += diagnostics;
    m_pending.hasDiagnostics = true;
}

QString EventQueue::scrub(const QString &text) const
{
    QMutexLocker lock(&m_mutex);
    return m_secrets ? m_secrets->scrub(text) : text;
}

RunBatch EventQueue::take()
{
    QMutexLocker lock(&m_mutex);
    RunBatch batch = std::move(m_pending);
    m_pending = RunBatch();
    m_progressIndex.clear();
    m_takerThread = QThread::currentThreadId();
    m_takerAway = false;
    m_taken.wakeAll();
    return batch;
}

} // namespace kiln::models
