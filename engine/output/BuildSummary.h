#pragma once

#include "engine/build/Artifact.h"
#include "engine/build/BuildEvent.h"

#include <QList>
#include <QMutex>
#include <QString>
#include <memory>

namespace kiln::build {
class SecretFilter;
struct BuildResult;
} // namespace kiln::build

namespace kiln::output {

class CommandUi;

// The end of `packer build`: what Packer's build command prints after every build ended.
//
//   (blank line)
//   ==> Wait completed after 1 second 2 milliseconds
//   Cleanly cancelled builds after being interrupted.            (interrupted: nothing more)
//   (blank line)
//   ==> Some builds didn't complete successfully and had errors:
//   --> NAME: error
//   (blank line)
//   ==> Builds finished. The artifacts of successful builds are:
//   --> NAME: artifact string
//   or  ==> Builds finished but no artifacts were created.
//
// with the machine-readable `error-count`, `error`, `artifact-count` and `artifact` lines
// interleaved exactly where Packer emits them. Packer walks Go maps here, so its order is
// random; Kiln lists builds in the order they were added (the CLI adds the scheduler's
// results, which are in template order).
//
// Only successful builds list artifacts (Packer drops a failed build's partial artifacts
// from the list). Every text is passed through the secret filter, since error messages and
// artifact strings are built from user values.
//
// Threading: add(), post() and write() are thread-safe.
class BuildSummary : public build::EventSink
{
public:
    explicit BuildSummary(std::shared_ptr<const build::SecretFilter> secrets = {});

    // Records a finished build.
    void add(const build::BuildResult &result);
    void add(
        const QString &build, const QString &error, const QList<build::ArtifactPtr> &artifacts);
    // The same from the event stream: Artifact events, then the BuildFinished that ends them.
    void post(const build::BuildEvent &event) override;

    bool hasErrors() const;
    // Packer's exit status: 1 when interrupted or a build failed, else 0.
    int exitCode(bool interrupted) const;

    // Prints the end of the run. `waitNanoseconds` is the time since the first build started.
    void write(CommandUi &ui, qint64 waitNanoseconds, bool interrupted) const;

    // "Build 'NAME' finished after D." / "Build 'NAME' errored after D: ERROR": what each
    // build says through its own (coloured) UI when it ends.
    static QString finishedText(const QString &build, qint64 durationMs);
    // The same for a finished event, at its full precision (Packer prints microseconds).
    static QString finishedText(const build::BuildEvent &e);
    static QString erroredText(const build::BuildEvent &e, const QString &error);
    static QString erroredText(const QString &build, qint64 durationMs, const QString &error);
    // What the command prints (as an error) when the first Ctrl-C arrives.
    static QString interruptText();

private:
    struct Entry
    {
        QString build;
        QString error;
        bool finished = false;
        QList<build::ArtifactPtr> artifacts;
    };

    Entry &entryLocked(const QString &build);
    QString scrub(const QString &text) const;
    void writeArtifacts(CommandUi &ui, const Entry &entry) const;

    std::shared_ptr<const build::SecretFilter> m_secrets;
    mutable QMutex m_mutex;
    QList<Entry> m_entries;
};

} // namespace kiln::output
