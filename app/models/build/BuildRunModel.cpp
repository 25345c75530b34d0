#include "app/models/build/BuildRunModel.h"

#include "app/models/build/EventQueue.h"
#include "app/models/build/GuiPrompter.h"
#include "app/models/build/SummaryCollector.h"
#include "components/Builtins.h"
#include "engine/build/BuildScheduler.h"
#include "engine/build/EventFanout.h"
#include "engine/build/SecretFilter.h"
#include "engine/build/TemplatePlanning.h"
#include "engine/hcl/DiagnosticWriter.h"
#include "engine/output/BuildSummary.h"
#include "engine/registry/Registry.h"
#include "engine/template/legacy/PackerTemplateFunctions.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace kiln::models {

using build::BuildEvent;

namespace {

// The CLI's writeDiagnostics: 80 columns, no colour, errors as errors and warnings said.
QList<ConsoleLine> diagnosticLines(const hcl::Diagnostics &diags,
    const QHash<QString, QByteArray> &sources, const build::SecretFilter &secrets)
{
    if (diags.isEmpty())
        return {};
    const QString text = hcl::DiagnosticWriter(sources, 80, false).render(diags);
    if (text.isEmpty())
        return {};
    return EventQueue::plainLines(
        diags.hasErrors() ? ConsoleLine::Kind::SummaryError : ConsoleLine::Kind::Warning,
        secrets.scrub(text));
}

} // namespace

BuildRunModel::BuildRunModel(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_flushTimer.setInterval(30);
    connect(&m_flushTimer, &QTimer::timeout, this, &BuildRunModel::flush);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &BuildRunModel::workerDone);
}

BuildRunModel::~BuildRunModel()
{
    if (m_cancel)
        m_cancel->cancel();
    if (m_prompter)
        m_prompter->close();
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
    m_pool.waitForDone();
}

bool BuildRunModel::start(const RunRequest &request)
{
    if (m_running)
        return false;
    m_order.clear();
    m_builds.clear();
    m_all.clear();
    m_diagnostics.clear();
    m_exitCode = 0;
    m_cancelledRun = false;
    m_batches = 0;
    m_undelivered.clear();
    m_undeliveredStart = 0;
    m_skipped = 0;
    m_finishPending = false;
    m_events = 0;
    m_maxBatchNs = 0;
    m_totalBatchNs = 0;

    m_queue = std::make_shared<EventQueue>();
    m_cancel = build::CancelToken::create();
    // The question goes to the build's console as a `say`, as the terminal prompter shows it.
    std::weak_ptr<EventQueue> weakQueue = m_queue;
    m_prompter = std::make_unique<GuiPrompter>(
        [weakQueue](const QString &buildName, const QString &question) {
            if (auto q = weakQueue.lock()) {
                BuildEvent e;
                e.kind = BuildEvent::Kind::Say;
                e.build = buildName;
                e.text = question;
                e.time = QDateTime::currentDateTimeUtc();
                q->post(e);
            }
        });
    // What led to the question (the error, "Step X failed") was posted before it: draw it
    // first, so the console and the prompt show the question in its context.
    connect(m_prompter.get(), &GuiPrompter::questionAsked, this,
        [this](quint64 id, const QString &buildName, const QString &question) {
            flush();
            emit questionAsked(id, buildName, question);
        });
    connect(
        m_prompter.get(), &GuiPrompter::questionWithdrawn, this, &BuildRunModel::questionWithdrawn);

    m_running = true;
    m_clock.start();
    m_watcher.setFuture(QtConcurrent::run(
        &m_pool, &BuildRunModel::work, request, m_queue, m_cancel, m_prompter.get()));
    m_flushTimer.start();
    emit runStarted();
    emit runningChanged(true);
    return true;
}

void BuildRunModel::cancel()
{
    if (!m_running || !m_cancel || m_cancel->isCancelled())
        return;
    m_queue->addLines(EventQueue::plainLines(
        ConsoleLine::Kind::SummaryError, output::BuildSummary::interruptText()));
    m_cancel->cancel();
}

bool BuildRunModel::waitForFinished(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_running && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !m_running;
}

const BuildRunInfo *BuildRunModel::build(const QString &name) const
{
    auto it = m_builds.find(name);
    return it == m_builds.end() ? nullptr : it->second.get();
}

qint64 BuildRunModel::elapsedMs() const
{
    if (m_running)
        return m_clock.elapsed();
    return m_finalElapsedMs;
}

void BuildRunModel::answer(quint64 id, const QString &text)
{
    if (m_prompter)
        m_prompter->answer(id, text);
}

void BuildRunModel::setFlushInterval(int ms)
{
    m_flushTimer.setInterval(std::max(ms, 1));
}

BuildRunModel::Outcome BuildRunModel::work(RunRequest request, std::shared_ptr<EventQueue> queue,
    build::CancelTokenPtr cancel, GuiPrompter *prompter)
{
    registry::Registry reg;
    components::registerBuiltins(reg);
    build::PlanRequest planRequest;
    planRequest.path = request.path;
    planRequest.vars = request.vars;
    planRequest.only = request.only;
    planRequest.except = request.except;
    planRequest.warnOnUndeclaredVar = request.warnOnUndeclaredVar;
    planRequest.cancel = cancel;
    const build::PlanResult planned = build::planTemplate(planRequest, reg);

    build::SecretFilter planSecrets;
    planSecrets.add(planned.secrets);
    hcl::Diagnostics diagnostics = planned.diagnostics;
    queue->addLines(diagnosticLines(planned.diagnostics, planned.sources, planSecrets));
    if (!planned.error.isEmpty())
        queue->addLines(EventQueue::plainLines(
            ConsoleLine::Kind::SummaryError, planSecrets.scrub(planned.error)));
    if (planned.failed) {
        queue->setDiagnostics(diagnostics);
        return {1};
    }

    const build::PreparedBuilds prepared = build::prepareBuilds(planned.plans);
    diagnostics += prepared.diagnostics;
    queue->setDiagnostics(diagnostics);
    queue->addLines(diagnosticLines(prepared.diagnostics, planned.sources, planSecrets));
    if (prepared.diagnostics.hasErrors())
        return {1};

    queue->setSecrets(prepared.secrets);
    QStringList names;
    for (const auto &b : prepared.builds)
        names << b->name();
    queue->announce(names);

    output::BuildSummary summary(prepared.secrets);
    build::EventFanout events;
    events.add(queue.get());
    events.add(&summary);

    build::RunEnvironment env;
    env.sink = &events;
    env.cancel = cancel;
    env.prompter = prompter;
    env.options = request.options;
    env.packerRunUuid = tmpl::legacy::timeOrderedUuid();

    QElapsedTimer wait;
    wait.start();
    build::BuildScheduler(prepared.builds, env, request.parallel).run();
    const bool interrupted = cancel->isCancelled();
    SummaryCollector collector;
    summary.write(collector, wait.nsecsElapsed(), interrupted);
    queue->addLines(collector.take());
    return {summary.exitCode(interrupted)};
}

BuildRunInfo &BuildRunModel::info(const QString &name)
{
    auto it = m_builds.find(name);
    if (it != m_builds.end())
        return *it->second;
    auto created = std::make_unique<BuildRunInfo>();
    created->name = name;
    created->index = int(m_order.size());
    m_order << name;
    return *m_builds.emplace(name, std::move(created)).first->second;
}

void BuildRunModel::apply(const BuildEvent &e)
{
    BuildRunInfo &b = info(e.build);
    switch (e.kind) {
    case BuildEvent::Kind::BuildStarted:
        b.state = BuildState::Running;
        b.startedMs
            = e.time.isValid() ? e.time.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
        emit buildStateChanged(b.name, b.state, QString());
        break;
    case BuildEvent::Kind::StepStarted:
        b.step = e.text;
        emit buildStateChanged(b.name, b.state, b.step);
        break;
    case BuildEvent::Kind::StepFinished:
        b.step.clear();
        break;
    case BuildEvent::Kind::Artifact:
        if (e.artifact) {
            b.artifacts << m_queue->scrub(e.artifact->string());
            emit artifactAdded(b.name, b.artifacts.last());
        }
        break;
    case BuildEvent::Kind::BuildFinished:
        b.step.clear();
        b.durationMs = e.durationMs;
        b.error = m_queue->scrub(e.error);
        b.state = e.cancelled   ? BuildState::Cancelled
            : e.error.isEmpty() ? BuildState::Succeeded
                                : BuildState::Failed;
        b.progressWhat.clear();
        emit buildStateChanged(b.name, b.state, QString());
        break;
    case BuildEvent::Kind::Progress:
    case BuildEvent::Kind::Say:
    case BuildEvent::Kind::Message:
    case BuildEvent::Kind::Error:
        break;
    }
}

void BuildRunModel::flush()
{
    if (!m_queue)
        return;
    RunBatch batch = m_queue->take();
    if (batch.isEmpty()) {
        if (m_finishPending && !m_deliverQueued)
            deliver();
        return;
    }
    QElapsedTimer timer;
    timer.start();
    m_events += batch.posted;
    if (!batch.announced.isEmpty()) {
        for (const QString &name : std::as_const(batch.announced))
            info(name);
        emit buildsAnnounced(batch.announced);
    }
    if (batch.hasDiagnostics) {
        m_diagnostics = batch.diagnostics;
        emit diagnosticsChanged(m_diagnostics);
    }
    for (const BuildEvent &e : std::as_const(batch.events))
        apply(e);
    for (const ConsoleLine &line : std::as_const(batch.lines)) {
        m_all.append(line);
        if (!line.build.isEmpty() && line.kind != ConsoleLine::Kind::Announce)
            info(line.build).console.append(line);
    }
    m_undelivered.append(std::move(batch.lines));
    for (const BuildEvent &e : std::as_const(batch.progress)) {
        BuildRunInfo &b = info(e.build);
        const bool done = e.total >= 0 && e.bytes >= e.total;
        b.progressWhat = done ? QString() : e.text;
        b.progressBytes = e.bytes;
        b.progressTotal = e.total;
        emit progressChanged(b.name, e.text, e.bytes, e.total);
    }
    const qint64 ns = timer.nsecsElapsed();
    m_totalBatchNs += ns;
    m_maxBatchNs = std::max(m_maxBatchNs, ns);
    deliver();
}

void BuildRunModel::deliver()
{
    m_deliverQueued = false;
    qsizetype pending = m_undelivered.size() - m_undeliveredStart;
    if (pending <= 0) {
        if (m_finishPending)
            finishRun();
        return;
    }
    QElapsedTimer timer;
    timer.start();
    QList<ConsoleLine> chunk;
    if (pending > m_maxUndelivered) {
        // Keep the newest lines: the views follow the tail, and the buffers hold the rest.
        const qsizetype skip = pending - m_maxUndelivered;
        m_undeliveredStart += skip;
        m_skipped += skip;
        pending -= skip;
        ConsoleLine notice;
        notice.kind = ConsoleLine::Kind::Summary;
        notice.text = tr("[… %1 lines not drawn: output came faster than the console can "
                         "show it; Save Log has them …]")
                          .arg(skip);
        notice.msecsSinceEpoch = QDateTime::currentMSecsSinceEpoch();
        chunk.append(notice);
    }
    const qsizetype n = std::min<qsizetype>(pending, m_maxLinesPerBatch);
    chunk.append(m_undelivered.mid(m_undeliveredStart, n));
    m_undeliveredStart += n;
    ++m_batches;
    emit linesAppended(chunk);
    if (m_undeliveredStart >= m_undelivered.size()) {
        m_undelivered.clear();
        m_undeliveredStart = 0;
        if (m_finishPending)
            finishRun();
    } else {
        // Lines already shown are dropped once they are most of the queue (each line moves
        // once per halving, so amortised O(1)), so that a long burst does not keep every
        // delivered line until the queue happens to run empty.
        if (m_undeliveredStart > 4096 && m_undeliveredStart * 2 > m_undelivered.size()) {
            m_undelivered.remove(0, m_undeliveredStart);
            m_undeliveredStart = 0;
        }
    }
    if (m_undeliveredStart < m_undelivered.size() && !m_deliverQueued) {
        // The rest a moment later, as a timer rather than a posted event: timers take turns
        // with input and painting, while a chain of posted events would starve them.
        m_deliverQueued = true;
        QTimer::singleShot(2, Qt::PreciseTimer, this, &BuildRunModel::deliver);
    }
    const qint64 ns = timer.nsecsElapsed();
    m_totalBatchNs += ns;
    m_maxBatchNs = std::max(m_maxBatchNs, ns);
}

void BuildRunModel::workerDone()
{
    m_flushTimer.stop();
    m_exitCode = m_watcher.result().exitCode;
    m_cancelledRun = m_cancel && m_cancel->isCancelled();
    m_finalElapsedMs = m_clock.elapsed();
    // The run is over once its last lines are drawn: flush() hands them to deliver(),
    // which calls finishRun() when nothing is left.
    m_finishPending = true;
    flush();
}

void BuildRunModel::finishRun()
{
    m_finishPending = false;
    // Builds the scheduler never started because of the cancel.
    for (const QString &name : std::as_const(m_order)) {
        BuildRunInfo &b = info(name);
        if (b.state == BuildState::Pending && m_cancelledRun) {
            b.state = BuildState::Cancelled;
            emit buildStateChanged(name, b.state, QString());
        }
    }
    m_running = false;
    emit finished(m_exitCode);
    emit runningChanged(false);
}

} // namespace kiln::models
