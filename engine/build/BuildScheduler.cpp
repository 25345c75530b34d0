#include "engine/build/BuildScheduler.h"

#include "engine/build/BuildEvent.h"

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace kiln::build {

BuildScheduler::BuildScheduler(QList<std::shared_ptr<Build>> builds, RunEnvironment env, int parallel)
    : m_builds(std::move(builds))
    , m_env(std::move(env))
    , m_parallel(parallel)
{
    if (!m_env.cancel)
        m_env.cancel = CancelToken::create();
}

QList<BuildResult> BuildScheduler::run()
{
    QList<BuildResult> results(m_builds.size());
    for (int i = 0; i < m_builds.size(); ++i) {
        results[i].name = m_builds.at(i)->name();
        results[i].cancelled = true;
        results[i].error = QStringLiteral("Build was cancelled.");
    }
    if (m_builds.isEmpty())
        return results;

    // Packer introduces every build ("NAME: output will be in this color.") before any runs.
    if (m_env.sink) {
        for (const auto &build : std::as_const(m_builds)) {
            BuildEvent started;
            started.kind = BuildEvent::Kind::BuildStarted;
            started.build = build->name();
            started.time = QDateTime::currentDateTimeUtc();
            m_env.sink->post(started);
        }
    }

    int threads = m_parallel <= 0 ? int(m_builds.size()) : m_parallel;
    if (m_env.options.debug)
        threads = 1;
    // A pool of our own: builds block their thread for minutes and must not starve
    // QThreadPool::globalInstance(), which the GUI and compressors also use.
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, threads));
    pool.setExpiryTimeout(-1);

    QList<QFuture<void>> futures;
    for (int i = 0; i < m_builds.size(); ++i) {
        std::shared_ptr<Build> build = m_builds.at(i);
        BuildResult *slot = &results[i];
        const RunEnvironment env = m_env;
        futures << QtConcurrent::run(&pool, [build, slot, env] {
            // Queued builds that have not started when a cancel arrives never start.
            if (env.cancel->isCancelled())
                return;
            *slot = build->run(env);
        });
    }
    for (QFuture<void> &f : futures)
        f.waitForFinished();
    pool.waitForDone();
    return results;
}

} // namespace kiln::build
