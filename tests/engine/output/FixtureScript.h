#pragma once

// Replays tests/fixtures/output/<case>/events.txt through the output writers and compares
// with the packer 1.6.6 transcript stdout.txt next to it. Header-only: shared by the console,
// machine-readable and summary tests.
//
// events.txt: one directive per line, fields separated by TABs; in text fields "\n", "\t"
// and "\\" are escapes. Lines starting with '#' and empty lines are ignored.
//   time     RFC3339                       time of the events that follow
//   secret   TEXT                          a secret for the writers' SecretFilter
//   announce BUILD...                      ConsoleWriter::announce
//   started  BUILD
//   say|message|error  BUILD  COMPONENT  TEXT
//   artifact BUILD INDEX BUILDER-ID ID STRING FILES   (FILES "|"-separated; "nil": no artifact)
//   finished BUILD DURATION-MS ERROR
//   interrupt                              the CLI's "Cancelling build..." line
//   summary  WAIT-MS [interrupted]         BuildSummary::write
//   kiln     FROM TO                       an intended difference: FROM in the transcript
//                                          is TO in Kiln's output
// command.txt decides the options: -color=false, -timestamp-ui, -machine-readable,
// PACKER_NO_COLOR=1.

#include "engine/build/Artifact.h"
#include "engine/build/BuildEvent.h"
#include "engine/build/SecretFilter.h"
#include "engine/output/BuildSummary.h"
#include "engine/output/ConsoleWriter.h"
#include "engine/output/MachineReadableWriter.h"

#include <QBuffer>
#include <QFile>
#include <QRegularExpression>
#include <QStringList>
#include <memory>

namespace fixture {

// An artifact exactly as the script gives it (FileArtifact would derive an empty id from
// its files, and the checksum transcript has an empty id).
class ScriptArtifact : public kiln::build::Artifact
{
public:
    ScriptArtifact(QString builderId, QString id, QString string, QStringList files)
        : m_builderId(std::move(builderId))
        , m_id(std::move(id))
        , m_string(std::move(string))
        , m_files(std::move(files))
    { }
    QString builderId() const override { return m_builderId; }
    QString id() const override { return m_id; }
    QStringList files() const override { return m_files; }
    QString string() const override { return m_string; }
    QString destroy() override { return {}; }

private:
    QString m_builderId, m_id, m_string;
    QStringList m_files;
};

struct Outcome
{
    QString error; // empty when the script ran
    QString actual;
    QString expected;
};

inline QString unescape(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('\\') || i + 1 == text.size()) {
            out += c;
            continue;
        }
        const QChar n = text.at(++i);
        out += n == QLatin1Char('n') ? QChar('\n') : n == QLatin1Char('t') ? QChar('\t') : n;
    }
    return out;
}

// Durations and unix times differ on every run; everything else must match byte for byte.
inline QString normalise(QString text)
{
    static const QRegularExpression duration(
        QStringLiteral("after (-?\\d+ [a-z]+( \\d+ [a-z]+)?)"));
    static const QRegularExpression unixTime(
        QStringLiteral("^\\d+,"), QRegularExpression::MultilineOption);
    text.replace(duration, QStringLiteral("after <duration>"));
    text.replace(unixTime, QStringLiteral("<unixtime>,"));
    return text;
}

inline QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

inline Outcome run(const QString &dir)
{
    Outcome outcome;
    const QString command = readText(dir + QStringLiteral("/command.txt"));
    const QString script = readText(dir + QStringLiteral("/events.txt"));
    outcome.expected = readText(dir + QStringLiteral("/stdout.txt"));
    if (command.isEmpty() || script.isEmpty() || outcome.expected.isEmpty()) {
        outcome.error = QStringLiteral("missing command.txt, events.txt or stdout.txt in ") + dir;
        return outcome;
    }
    const bool machineReadable = command.contains(QLatin1String("-machine-readable"));
    kiln::output::ConsoleOptions options;
    options.color = !command.contains(QLatin1String("-color=false"));
    options.escapes = options.color && !command.contains(QLatin1String("PACKER_NO_COLOR=1"));
    options.timestamps = command.contains(QLatin1String("-timestamp-ui"));
    options.progress = kiln::output::ConsoleOptions::Progress::Never;

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto stream = std::make_shared<kiln::output::OutputStream>(&buffer);
    auto secrets = std::make_shared<kiln::build::SecretFilter>();
    kiln::output::ConsoleWriter console(stream, options, secrets);
    kiln::output::MachineReadableWriter machine(stream, secrets, options.timestamps);
    kiln::build::EventSink &sink = machineReadable ? static_cast<kiln::build::EventSink &>(machine)
                                                   : static_cast<kiln::build::EventSink &>(console);
    kiln::output::CommandUi &ui = machineReadable ? static_cast<kiln::output::CommandUi &>(machine)
                                                  : static_cast<kiln::output::CommandUi &>(console);
    kiln::output::BuildSummary summary(secrets);

    QDateTime time = QDateTime::currentDateTimeUtc();
    int lineNo = 0;
    for (const QString &line : script.split(QLatin1Char('\n'))) {
        ++lineNo;
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        QStringList f = line.split(QLatin1Char('\t'));
        for (QString &field : f)
            field = unescape(field);
        const QString op = f.first();
        auto need = [&](int n) {
            if (f.size() >= n)
                return true;
            outcome.error
                = QStringLiteral("events.txt:%1: %2 needs %3 fields").arg(lineNo).arg(op).arg(n);
            return false;
        };
        kiln::build::BuildEvent e;
        e.time = time;
        if (op == QLatin1String("time")) {
            if (!need(2))
                return outcome;
            time = QDateTime::fromString(f.at(1), Qt::ISODate);
        } else if (op == QLatin1String("secret")) {
            if (!need(2))
                return outcome;
            secrets->add(f.at(1));
        } else if (op == QLatin1String("announce")) {
            console.announce(f.mid(1));
        } else if (op == QLatin1String("started")) {
            if (!need(2))
                return outcome;
            e.kind = kiln::build::BuildEvent::Kind::BuildStarted;
            e.build = f.at(1);
            sink.post(e);
        } else if (op == QLatin1String("say") || op == QLatin1String("message")
            || op == QLatin1String("error")) {
            if (!need(4))
                return outcome;
            e.kind = op == QLatin1String("say")  ? kiln::build::BuildEvent::Kind::Say
                : op == QLatin1String("message") ? kiln::build::BuildEvent::Kind::Message
                                                 : kiln::build::BuildEvent::Kind::Error;
            e.build = f.at(1);
            e.component = f.at(2);
            e.text = f.at(3);
            sink.post(e);
        } else if (op == QLatin1String("artifact")) {
            if (!need(7))
                return outcome;
            e.kind = kiln::build::BuildEvent::Kind::Artifact;
            e.build = f.at(1);
            e.artifactIndex = f.at(2).toInt();
            if (f.at(3) != QLatin1String("nil")) {
                const QStringList files
                    = f.at(6).isEmpty() ? QStringList() : f.at(6).split(QLatin1Char('|'));
                e.artifact = std::make_shared<ScriptArtifact>(f.at(3), f.at(4), f.at(5), files);
            }
            sink.post(e);
            summary.post(e);
        } else if (op == QLatin1String("finished")) {
            if (!need(4))
                return outcome;
            e.kind = kiln::build::BuildEvent::Kind::BuildFinished;
            e.build = f.at(1);
            e.durationMs = f.at(2).toLongLong();
            e.error = f.at(3);
            sink.post(e);
            summary.post(e);
        } else if (op == QLatin1String("interrupt")) {
            ui.error(kiln::output::BuildSummary::interruptText());
        } else if (op == QLatin1String("summary")) {
            if (!need(2))
                return outcome;
            summary.write(ui, f.at(1).toLongLong() * 1000000,
                f.size() > 2 && f.at(2) == QLatin1String("interrupted"));
        } else if (op == QLatin1String("kiln")) {
            if (!need(3))
                return outcome;
            outcome.expected.replace(f.at(1), f.at(2));
        } else {
            outcome.error
                = QStringLiteral("events.txt:%1: unknown directive %2").arg(lineNo).arg(op);
            return outcome;
        }
    }
    outcome.actual = normalise(QString::fromUtf8(buffer.data()));
    outcome.expected = normalise(outcome.expected);
    return outcome;
}

} // namespace fixture
