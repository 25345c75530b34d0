#pragma once

#include "engine/build/Artifact.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace kiln::build {

// One thing that happened in a build, as the console writer, the machine-readable writer,
// the log and the GUI all see it. Text in events is already scrubbed of secrets.
struct BuildEvent
{
    enum class Kind {
        BuildStarted, // a build begins (the writer prints its colour line)
        Say, // "==> NAME: text"
        Message, // "    NAME: text"
        Error, // "==> NAME: text" in red
        Progress, // bytes of total (total -1: unknown) for `text` (a transfer, a checksum)
        StepStarted, // `text` is the step's name
        StepFinished, // `text` is the step's name, durationMs how long it ran
        Artifact, // artifact, artifactIndex within this build
        BuildFinished, // error empty: success; cancelled set when interrupted
    };

    Kind kind = Kind::Say;
    QString build; // the build's name, "type.name" or "buildname.type.name"
    // The post-processor type when a post-processor speaks ("NAME (checksum): ..."); empty
    // for the builder and provisioners.
    QString component;
    QString text;
    // Message and Error: `text` is several lines of a command's output, each of which is a
    // message of its own (Packer's RunWithUi says them one by one). One event per chunk of
    // output instead of one per line keeps 200 MB of output cheap; every writer prints it
    // exactly as it would print the lines posted one by one (see eachLine()).
    bool batchedLines = false;
    qint64 bytes = 0;
    qint64 total = -1;
    qint64 durationMs = 0;
    qint64 durationNs = 0; // the same duration at full precision (BuildFinished: Packer prints microseconds)
    QString error;
    bool cancelled = false;
    ArtifactPtr artifact;
    int artifactIndex = 0;
    QDateTime time;
};

// The texts `event` stands for: its lines when it is a batch, else its whole text.
inline QStringList eachLine(const BuildEvent &event, const QString &text)
{
    return event.batchedLines ? text.split(QLatin1Char('\n')) : QStringList{text};
}

// Where a build's events go. post() is called from any build's worker thread and must be
// thread-safe and quick (writers buffer; the GUI batches into queued signals).
class EventSink
{
public:
    virtual ~EventSink() = default;
    virtual void post(const BuildEvent &event) = 0;
};

} // namespace kiln::build
