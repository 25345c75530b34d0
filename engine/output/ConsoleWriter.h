#pragma once

#include "engine/build/BuildEvent.h"
#include "engine/output/CommandUi.h"
#include "engine/output/ConsoleFormat.h"
#include "engine/output/ConsoleOptions.h"
#include "engine/output/OutputStream.h"
#include "engine/output/ProgressLine.h"

#include <QHash>
#include <QMutex>
#include <QStringList>
#include <memory>

namespace kiln::build {
class SecretFilter;
}

namespace kiln::output {

// Packer's human output, byte for byte as 1.6.6 prints it:
//
//   NAME: output will be in this color.      (per build, colour on, then one blank line)
//   ==> NAME: say                            (bold build colour)
//       NAME: message                        (plain build colour)
//   ==> NAME: error                          (bold red)
//   ==> NAME (checksum): say                 (a post-processor speaking)
//   Build 'NAME' finished after 1 second 2 milliseconds.   (bold build colour; errors red)
//
// Every line of a multi-line text gets the prefix; trailing white space of the text is cut;
// -timestamp-ui puts "RFC3339: " before the first line; the colour escape wraps the whole
// text. StepStarted/StepFinished and Artifact events print nothing (Packer has no such
// lines; the summary lists artifacts). Progress draws one "\r"-redrawn line on a terminal
// only (see ProgressLine); on a pipe or file progress is not shown at all.
//
// As CommandUi it is Packer's BasicUi: say/error print the text plainly (the end-of-run
// summary, "Cancelling build after receiving interrupt").
//
// Threading: post(), say(), error() and announce() are thread-safe; each event is rendered
// and written as one chunk under one lock, so parallel builds never split a line.
class ConsoleWriter : public build::EventSink, public CommandUi
{
public:
    explicit ConsoleWriter(OutputStreamPtr out, ConsoleOptions options = {},
        std::shared_ptr<const build::SecretFilter> secrets = {});

    // Packer prints the colour line of every build before any build starts, then one blank
    // line; the CLI calls this with the builds in template order. A build not announced gets
    // the next colour and its own announcement (and blank line) at its BuildStarted.
    void announce(const QStringList &builds);

    // A question to the user about `build` (on-error=ask, -debug pauses), as Packer's
    // BasicUi.Ask prints it: like a say, but ended by a space instead of a newline, so the
    // answer is typed on the same line.
    void ask(const QString &build, const QString &question);

    void post(const build::BuildEvent &event) override;

    void say(const QString &text) override;
    void error(const QString &text) override;
    void machine(const QString &target, const QString &type, const QStringList &args) override;

    const ConsoleOptions &options() const { return m_options; }

private:
    ConsoleFormat::Color colorLocked(const QString &build, bool *isNew);
    QString announcementLocked(const QString &build, ConsoleFormat::Color color) const;
    // A Message or Error event's output: its lines one by one when it is a batch.
    QString decorateLines(const build::BuildEvent &e, bool arrow, const QString &target,
        const QString &text, ConsoleFormat::Color color, bool bold) const;
    QString decorate(
        const QString &text, ConsoleFormat::Color color, bool bold, const QDateTime &time) const;
    void progressLocked(const build::BuildEvent &event, ConsoleFormat::Color color);
    void writeLocked(const QString &text);
    QString scrub(const QString &text) const;
    bool showProgress() const;

    OutputStreamPtr m_out;
    ConsoleOptions m_options;
    std::shared_ptr<const build::SecretFilter> m_secrets;
    QMutex m_mutex;
    QHash<QString, int> m_colorIndex;
    int m_nextColor = 0;
    ProgressLine m_progress;
    ConsoleFormat::Color m_progressColor = ConsoleFormat::Color::Green;
};

} // namespace kiln::output
