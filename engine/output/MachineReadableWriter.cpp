#include "engine/output/MachineReadableWriter.h"

#include "engine/build/SecretFilter.h"
#include "engine/output/BuildSummary.h"
#include "engine/output/ConsoleFormat.h"

namespace kiln::output {

using build::BuildEvent;

MachineReadableWriter::MachineReadableWriter(
    OutputStreamPtr out, std::shared_ptr<const build::SecretFilter> secrets, bool timestamps)
    : m_out(std::move(out))
    , m_secrets(std::move(secrets))
    , m_timestamps(timestamps)
{ }

QString MachineReadableWriter::encode(const QString &datum)
{
    QString out = datum;
    out.replace(QLatin1Char(','), QStringLiteral("%!(PACKER_COMMA)"));
    out.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    out.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return out;
}

QByteArray MachineReadableWriter::line(
    qint64 unixTime, const QString &target, const QString &type, const QStringList &encodedArgs)
{
    QString text = QString::number(unixTime) + QLatin1Char(',') + target + QLatin1Char(',') + type
        + QLatin1Char(',') + encodedArgs.join(QLatin1Char(',')) + QLatin1Char('\n');
    return text.toUtf8();
}

QString MachineReadableWriter::scrub(const QString &text) const
{
    return m_secrets ? m_secrets->scrub(text) : text;
}

void MachineReadableWriter::writeLine(const QDateTime &time, const QString &target,
    const QString &type, const QStringList &args, bool scrubArgs)
{
    QStringList encoded;
    encoded.reserve(args.size());
    for (const QString &arg : args)
        encoded << encode(scrubArgs ? scrub(arg) : arg);
    const QDateTime when = time.isValid() ? time : QDateTime::currentDateTimeUtc();
    if (m_out)
        m_out->write(line(when.toSecsSinceEpoch(), target, type, encoded));
}

QString MachineReadableWriter::stamped(const BuildEvent &event, const QString &text) const
{
    if (!m_timestamps)
        return text;
    return ConsoleFormat::timestamped(
        event.time.isValid() ? event.time : QDateTime::currentDateTime(), text);
}

void MachineReadableWriter::post(const BuildEvent &e)
{
    // BuildUi has scrubbed the event already; scrubbing again costs little and keeps events
    // posted by other means safe. Only the event's own text is scrubbed, not the prefix, so
    // a short secret never blanks a build name.
    const QString ui = QStringLiteral("ui");
    const QString target = ConsoleFormat::target(e.build, e.component);
    const QString text = scrub(e.text);
    switch (e.kind) {
    case BuildEvent::Kind::Say:
        writeLine(e.time, {}, ui,
            {QStringLiteral("say"), stamped(e, ConsoleFormat::prefixLines(true, target, text))},
            false);
        return;
    case BuildEvent::Kind::Message:
        for (const QString &line : eachLine(e, text))
            writeLine(e.time, {}, ui,
                {QStringLiteral("message"), stamped(e, ConsoleFormat::prefixLines(false, target, line))},
                false);
        return;
    case BuildEvent::Kind::Error:
        for (const QString &line : eachLine(e, text))
            writeLine(e.time, {}, ui,
                {QStringLiteral("error"), stamped(e, ConsoleFormat::prefixLines(true, target, line))},
                false);
        return;
    case BuildEvent::Kind::BuildFinished:
        if (e.error.isEmpty())
            writeLine(e.time, {}, ui,
                {QStringLiteral("say"),
                    stamped(e, BuildSummary::finishedText(e))},
                false);
        else
            writeLine(e.time, {}, ui,
                {QStringLiteral("error"),
                    stamped(e, BuildSummary::erroredText(e, scrub(e.error)))},
                false);
        return;
    case BuildEvent::Kind::BuildStarted:
    case BuildEvent::Kind::Progress:
    case BuildEvent::Kind::StepStarted:
    case BuildEvent::Kind::StepFinished:
    case BuildEvent::Kind::Artifact:
        // Packer's machine-readable UI has no colour line, no progress (a no-op tracker) and
        // lists artifacts only in the summary.
        return;
    }
}

void MachineReadableWriter::say(const QString &text)
{
    writeLine({}, {}, QStringLiteral("ui"), {QStringLiteral("say"), text}, true);
}

void MachineReadableWriter::error(const QString &text)
{
    writeLine({}, {}, QStringLiteral("ui"), {QStringLiteral("error"), text}, true);
}

void MachineReadableWriter::machine(
    const QString &target, const QString &type, const QStringList &args)
{
    writeLine({}, target, type, args, true);
}

} // namespace kiln::output
