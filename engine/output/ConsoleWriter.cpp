#include "engine/output/ConsoleWriter.h"

#include <QStringTokenizer>

#include "engine/build/SecretFilter.h"
#include "engine/output/BuildSummary.h"

namespace kiln::output {

using build::BuildEvent;

namespace {
// Erases the terminal line the cursor is on: the progress line before real output.
const QString EraseLine = QStringLiteral("\r\033[K");
} // namespace

ConsoleWriter::ConsoleWriter(
    OutputStreamPtr out, ConsoleOptions options, std::shared_ptr<const build::SecretFilter> secrets)
    : m_out(std::move(out))
    , m_options(options)
    , m_secrets(std::move(secrets))
{ }

QString ConsoleWriter::scrub(const QString &text) const
{
    return m_secrets ? m_secrets->scrub(text) : text;
}

bool ConsoleWriter::showProgress() const
{
    switch (m_options.progress) {
    case ConsoleOptions::Progress::Never:
        return false;
    case ConsoleOptions::Progress::Always:
        return true;
    case ConsoleOptions::Progress::Auto:
        break;
    }
    return m_out && m_out->isTerminal();
}

ConsoleFormat::Color ConsoleWriter::colorLocked(const QString &build, bool *isNew)
{
    auto it = m_colorIndex.constFind(build);
    *isNew = it == m_colorIndex.constEnd();
    if (*isNew)
        it = m_colorIndex.insert(build, m_nextColor++);
    return ConsoleFormat::buildColor(it.value());
}

QString ConsoleWriter::announcementLocked(const QString &build, ConsoleFormat::Color color) const
{
    const QString line = build + QStringLiteral(": output will be in this color.");
    return m_options.escapes ? ConsoleFormat::colorize(line, color, true) : line;
}

void ConsoleWriter::announce(const QStringList &builds)
{
    QMutexLocker lock(&m_mutex);
    QString text;
    for (const QString &build : builds) {
        bool isNew = false;
        const ConsoleFormat::Color color = colorLocked(build, &isNew);
        if (m_options.color && isNew)
            text += announcementLocked(build, color) + QLatin1Char('\n');
    }
    if (!text.isEmpty())
        writeLocked(text + QLatin1Char('\n'));
}

QString ConsoleWriter::decorate(
    const QString &text, ConsoleFormat::Color color, bool bold, const QDateTime &time) const
{
    QString out = text;
    if (m_options.timestamps)
        out = ConsoleFormat::timestamped(time.isValid() ? time : QDateTime::currentDateTime(), out);
    if (m_options.color && m_options.escapes)
        out = ConsoleFormat::colorize(out, color, bold);
    return out + QLatin1Char('\n');
}

void ConsoleWriter::ask(const QString &build, const QString &question)
{
    QMutexLocker lock(&m_mutex);
    bool isNew = false;
    const ConsoleFormat::Color color = colorLocked(build, &isNew);
    QString text = decorate(ConsoleFormat::prefixLines(true, ConsoleFormat::target(build, {}), scrub(question)),
        color, true, QDateTime::currentDateTime());
    text.chop(1); // decorate's newline
    writeLocked(text + QLatin1Char(' '));
}

QString ConsoleWriter::decorateLines(const BuildEvent &e, bool arrow, const QString &target,
    const QString &text, ConsoleFormat::Color color, bool bold) const
{
    if (!e.batchedLines)
        return decorate(ConsoleFormat::prefixLines(arrow, target, text), color, bold, e.time);
    if (m_options.timestamps || (m_options.color && m_options.escapes)) {
        QString out;
        for (const QString &line : eachLine(e, text))
            out += decorate(ConsoleFormat::prefixLines(arrow, target, line), color, bold, e.time);
        return out;
    }
    // Plain output of a chunk of command output, the hot path of a chatty provisioner:
    // what prefixLines + decorate give line by line, without a string per line.
    const QString head = (arrow ? QStringLiteral("==> ") : QStringLiteral("    ")) + target
        + QStringLiteral(": ");
    const QString bareHead = ConsoleFormat::trimRight(head);
    QString out;
    // Room for typical lines (a prefix per ~40 characters) without counting them.
    out.reserve(text.size() + (text.size() / 40 + 1) * (head.size() + 1));
    for (QStringView line : QStringTokenizer(text, QLatin1Char('\n'))) {
        qsizetype end = line.size();
        while (end > 0 && line.at(end - 1).isSpace())
            --end;
        if (end == 0) {
            out += bareHead;
        } else {
            out += head;
            out += line.first(end);
        }
        out += QLatin1Char('\n');
    }
    return out;
}

void ConsoleWriter::post(const BuildEvent &e)
{
    QMutexLocker lock(&m_mutex);
    bool isNew = false;
    const ConsoleFormat::Color color = colorLocked(e.build, &isNew);
    const QString target = ConsoleFormat::target(e.build, e.component);
    // BuildUi scrubbed the event already; scrubbing again is cheap and keeps events posted
    // by other means safe. Only the text is scrubbed, never the build name.
    const QString text = scrub(e.text);
    switch (e.kind) {
    case BuildEvent::Kind::BuildStarted:
        if (m_options.color && isNew)
            writeLocked(announcementLocked(e.build, color) + QStringLiteral("\n\n"));
        return;
    case BuildEvent::Kind::Say:
        writeLocked(decorate(ConsoleFormat::prefixLines(true, target, text), color, true, e.time));
        return;
    case BuildEvent::Kind::Message:
        writeLocked(decorateLines(e, false, target, text, color, false));
        return;
    case BuildEvent::Kind::Error:
        writeLocked(decorateLines(e, true, target, text, ConsoleFormat::Color::Red, true));
        return;
    case BuildEvent::Kind::Progress:
        progressLocked(e, color);
        return;
    case BuildEvent::Kind::StepStarted:
    case BuildEvent::Kind::StepFinished:
    case BuildEvent::Kind::Artifact:
        return;
    case BuildEvent::Kind::BuildFinished:
        // Said through the build's coloured (and timestamped) UI, but without the target
        // prefix, as Packer's build command does.
        if (e.error.isEmpty())
            writeLocked(
                decorate(BuildSummary::finishedText(e), color, true, e.time));
        else
            writeLocked(decorate(BuildSummary::erroredText(e, scrub(e.error)),
                ConsoleFormat::Color::Red, true, e.time));
        return;
    }
}

void ConsoleWriter::progressLocked(const BuildEvent &e, ConsoleFormat::Color color)
{
    if (!showProgress())
        return;
    const QString prefix = QStringLiteral("    ") + ConsoleFormat::target(e.build, e.component)
        + QStringLiteral(": ");
    if (!m_progress.update(prefix, scrub(e.text), e.bytes, e.total))
        return;
    if (m_progress.finished()) {
        if (m_progress.visible())
            m_out->write(EraseLine.toUtf8());
        m_progress.clear();
        return;
    }
    m_progressColor = color;
    QString line = m_progress.text();
    if (m_options.color && m_options.escapes)
        line = ConsoleFormat::colorize(line, color, false);
    m_out->write((EraseLine + line).toUtf8());
    m_progress.setVisible(true);
}

void ConsoleWriter::writeLocked(const QString &text)
{
    if (!m_out)
        return;
    if (!m_progress.visible()) {
        m_out->write(text.toUtf8());
        return;
    }
    // Real output goes above the live progress line, which is drawn again below it.
    QString line = m_progress.text();
    if (m_options.color && m_options.escapes)
        line = ConsoleFormat::colorize(line, m_progressColor, false);
    m_out->write((EraseLine + text + line).toUtf8());
}

void ConsoleWriter::say(const QString &text)
{
    QMutexLocker lock(&m_mutex);
    writeLocked(scrub(text) + QLatin1Char('\n'));
}

void ConsoleWriter::error(const QString &text)
{
    QMutexLocker lock(&m_mutex);
    writeLocked(scrub(text) + QLatin1Char('\n'));
}

void ConsoleWriter::machine(const QString &, const QString &, const QStringList &)
{
    // Packer's BasicUi only logs machine-readable data; the human console shows none of it.
}

} // namespace kiln::output
