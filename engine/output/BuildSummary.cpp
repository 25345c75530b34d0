#include "engine/output/BuildSummary.h"

#include "engine/build/Build.h"
#include "engine/build/SecretFilter.h"
#include "engine/output/CommandUi.h"
#include "engine/output/DurationFormat.h"

namespace kiln::output {

using build::BuildEvent;

BuildSummary::BuildSummary(std::shared_ptr<const build::SecretFilter> secrets)
    : m_secrets(std::move(secrets))
{ }

QString BuildSummary::scrub(const QString &text) const
{
    return m_secrets ? m_secrets->scrub(text) : text;
}

BuildSummary::Entry &BuildSummary::entryLocked(const QString &build)
{
    for (Entry &e : m_entries) {
        if (e.build == build)
            return e;
    }
    m_entries.append(Entry{build, {}, false, {}});
    return m_entries.last();
}

void BuildSummary::add(const build::BuildResult &result)
{
    add(result.name, result.error, result.artifacts);
}

void BuildSummary::add(
    const QString &build, const QString &error, const QList<build::ArtifactPtr> &artifacts)
{
    QMutexLocker lock(&m_mutex);
    Entry &e = entryLocked(build);
    e.error = error;
    e.artifacts = artifacts;
    e.finished = true;
}

void BuildSummary::post(const BuildEvent &event)
{
    if (event.kind != BuildEvent::Kind::Artifact && event.kind != BuildEvent::Kind::BuildFinished)
        return;
    QMutexLocker lock(&m_mutex);
    Entry &e = entryLocked(event.build);
    if (event.kind == BuildEvent::Kind::BuildFinished) {
        e.error = event.error;
        e.finished = true;
        return;
    }
    if (e.artifacts.size() <= event.artifactIndex)
        e.artifacts.resize(event.artifactIndex + 1);
    e.artifacts[event.artifactIndex] = event.artifact;
}

bool BuildSummary::hasErrors() const
{
    QMutexLocker lock(&m_mutex);
    for (const Entry &e : m_entries) {
        if (e.finished && !e.error.isEmpty())
            return true;
    }
    return false;
}

int BuildSummary::exitCode(bool interrupted) const
{
    return interrupted || hasErrors() ? 1 : 0;
}

QString BuildSummary::finishedText(const QString &build, qint64 durationMs)
{
    return QStringLiteral("Build '%1' finished after %2.")
        .arg(build, DurationFormat::fromMilliseconds(durationMs));
}

QString BuildSummary::erroredText(const QString &build, qint64 durationMs, const QString &error)
{
    return QStringLiteral("Build '%1' errored after %2: %3")
        .arg(build, DurationFormat::fromMilliseconds(durationMs), error);
}

QString BuildSummary::interruptText()
{
    return QStringLiteral("Cancelling build after receiving interrupt");
}

void BuildSummary::write(CommandUi &ui, qint64 waitNanoseconds, bool interrupted) const
{
    QList<Entry> entries;
    {
        QMutexLocker lock(&m_mutex);
        entries = m_entries;
    }
    ui.say(QStringLiteral("\n==> Wait completed after ") + DurationFormat::format(waitNanoseconds));
    if (interrupted) {
        ui.say(QStringLiteral("Cleanly cancelled builds after being interrupted."));
        return;
    }

    QList<const Entry *> failed;
    QList<const Entry *> succeeded;
    for (const Entry &e : std::as_const(entries)) {
        if (!e.finished)
            continue;
        if (!e.error.isEmpty())
            failed << &e;
        else if (!e.artifacts.isEmpty())
            succeeded << &e;
    }

    if (!failed.isEmpty()) {
        ui.machine({}, QStringLiteral("error-count"), {QString::number(failed.size())});
        ui.error(QStringLiteral("\n==> Some builds didn't complete successfully and had errors:"));
        for (const Entry *e : std::as_const(failed)) {
            const QString error = scrub(e->error);
            ui.machine(e->build, QStringLiteral("error"), {error});
            ui.error(QStringLiteral("--> %1: %2").arg(e->build, error));
        }
    }

    if (succeeded.isEmpty()) {
        ui.say(QStringLiteral("\n==> Builds finished but no artifacts were created."));
        return;
    }
    ui.say(QStringLiteral("\n==> Builds finished. The artifacts of successful builds are:"));
    for (const Entry *e : std::as_const(succeeded))
        writeArtifacts(ui, *e);
}

void BuildSummary::writeArtifacts(CommandUi &ui, const Entry &entry) const
{
    const QString artifactType = QStringLiteral("artifact");
    ui.machine(
        entry.build, QStringLiteral("artifact-count"), {QString::number(entry.artifacts.size())});
    for (int i = 0; i < entry.artifacts.size(); ++i) {
        const build::ArtifactPtr &artifact = entry.artifacts.at(i);
        const QString index = QString::number(i);
        if (artifact) {
            const QString text = scrub(artifact->string());
            const QStringList files = artifact->files();
            ui.machine(entry.build, artifactType,
                {index, QStringLiteral("builder-id"), scrub(artifact->builderId())});
            ui.machine(
                entry.build, artifactType, {index, QStringLiteral("id"), scrub(artifact->id())});
            ui.machine(entry.build, artifactType, {index, QStringLiteral("string"), text});
            ui.machine(entry.build, artifactType,
                {index, QStringLiteral("files-count"), QString::number(files.size())});
            for (int f = 0; f < files.size(); ++f)
                ui.machine(entry.build, artifactType,
                    {index, QStringLiteral("file"), QString::number(f), scrub(files.at(f))});
            ui.machine(entry.build, artifactType, {index, QStringLiteral("end")});
            ui.say(QStringLiteral("--> %1: %2").arg(entry.build, text));
        } else {
            ui.machine(entry.build, artifactType, {index, QStringLiteral("nil")});
            ui.machine(entry.build, artifactType, {index, QStringLiteral("end")});
            ui.say(QStringLiteral("--> %1: <nothing>").arg(entry.build));
        }
    }
}

} // namespace kiln::output

namespace kiln::output {

namespace {
qint64 eventNanoseconds(const build::BuildEvent &e)
{
    return e.durationNs > 0 ? e.durationNs : e.durationMs * 1000000;
}
} // namespace

QString BuildSummary::finishedText(const build::BuildEvent &e)
{
    return QStringLiteral("Build '%1' finished after %2.").arg(e.build, DurationFormat::format(eventNanoseconds(e)));
}

QString BuildSummary::erroredText(const build::BuildEvent &e, const QString &error)
{
    return QStringLiteral("Build '%1' errored after %2: %3").arg(e.build, DurationFormat::format(eventNanoseconds(e)), error);
}

} // namespace kiln::output
