#include "engine/output/LogWriter.h"

#include "engine/build/SecretFilter.h"
#include "engine/output/BuildSummary.h"
#include "engine/output/ConsoleFormat.h"
#include "engine/output/DurationFormat.h"

#include <QAtomicPointer>
#include <QDateTime>
#include <cstdio>

namespace kiln::output {

using build::BuildEvent;

namespace {
// The writer Qt's message handler feeds; one per process, as there is one PACKER_LOG.
QAtomicPointer<LogWriter> g_handlerTarget;
} // namespace

LogWriter::LogWriter(
    OutputStreamPtr out, std::shared_ptr<const build::SecretFilter> secrets, bool includeUi)
    : m_out(std::move(out))
    , m_secrets(std::move(secrets))
    , m_includeUi(includeUi)
{ }

LogWriter::~LogWriter()
{
    if (m_installed) {
        g_handlerTarget.testAndSetOrdered(this, nullptr);
        qInstallMessageHandler(m_previousHandler);
    }
    m_out.reset();
}

std::unique_ptr<LogWriter> LogWriter::fromEnvironment(
    std::shared_ptr<const build::SecretFilter> secrets, QString *error)
{
    const QString enabled = qEnvironmentVariable("PACKER_LOG");
    if (enabled.isEmpty() || enabled == QLatin1String("0"))
        return nullptr;
    const QString path = qEnvironmentVariable("PACKER_LOG_PATH");
    if (path.isEmpty())
        return std::make_unique<LogWriter>(
            std::make_shared<OutputStream>(stderr), std::move(secrets), false);

    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = QStringLiteral("Couldn't setup logging: open %1: %2")
                         .arg(path, file->errorString());
        return nullptr;
    }
    auto writer = std::make_unique<LogWriter>(
        std::make_shared<OutputStream>(file.get()), std::move(secrets), true);
    writer->m_file = std::move(file);
    return writer;
}

QByteArray LogWriter::entry(const QDateTime &time, const QString &text)
{
    QString line = ConsoleFormat::logPrefix(time) + text;
    if (!line.endsWith(QLatin1Char('\n')))
        line += QLatin1Char('\n');
    return line.toUtf8();
}

QString LogWriter::goStringSlice(const QStringList &values)
{
    QStringList quoted;
    for (const QString &value : values) {
        QString q = QStringLiteral("\"");
        for (const QChar c : value) {
            switch (c.unicode()) {
            case '\a':
                q += QStringLiteral("\\a");
                break;
            case '\b':
                q += QStringLiteral("\\b");
                break;
            case '\f':
                q += QStringLiteral("\\f");
                break;
            case '\n':
                q += QStringLiteral("\\n");
                break;
            case '\r':
                q += QStringLiteral("\\r");
                break;
            case '\t':
                q += QStringLiteral("\\t");
                break;
            case '\v':
                q += QStringLiteral("\\v");
                break;
            case '\\':
                q += QStringLiteral("\\\\");
                break;
            case '"':
                q += QStringLiteral("\\\"");
                break;
            default:
                if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                    q += QStringLiteral("\\x%1").arg(uint(c.unicode()), 2, 16, QLatin1Char('0'));
                else
                    q += c;
            }
        }
        quoted << q + QLatin1Char('"');
    }
    return QStringLiteral("[]string{") + quoted.join(QStringLiteral(", ")) + QLatin1Char('}');
}

void LogWriter::log(const QString &text)
{
    if (m_out)
        m_out->write(
            entry(QDateTime::currentDateTime(), m_secrets ? m_secrets->scrub(text) : text));
}

void LogWriter::post(const BuildEvent &e)
{
    const QString target = ConsoleFormat::target(e.build, e.component);
    switch (e.kind) {
    case BuildEvent::Kind::Say:
        if (m_includeUi)
            log(QStringLiteral("ui: ") + ConsoleFormat::prefixLines(true, target, e.text));
        return;
    case BuildEvent::Kind::Message:
        if (m_includeUi)
            for (const QString &line : eachLine(e, e.text))
                log(QStringLiteral("ui: ") + ConsoleFormat::prefixLines(false, target, line));
        return;
    case BuildEvent::Kind::Error:
        if (m_includeUi)
            for (const QString &line : eachLine(e, e.text))
                log(QStringLiteral("ui error: ") + ConsoleFormat::prefixLines(true, target, line));
        return;
    case BuildEvent::Kind::BuildStarted:
        log(QStringLiteral("Starting build run: ") + e.build);
        return;
    case BuildEvent::Kind::StepStarted:
        log(QStringLiteral("[INFO] %1: running step %2").arg(target, e.text));
        return;
    case BuildEvent::Kind::StepFinished:
        log(QStringLiteral("[INFO] %1: step %2 finished after %3")
                .arg(target, e.text, DurationFormat::fromMilliseconds(e.durationMs)));
        return;
    case BuildEvent::Kind::Artifact:
        if (e.artifact)
            log(QStringLiteral("%1: artifact %2: %3 (%4)")
                    .arg(target, QString::number(e.artifactIndex), e.artifact->id(),
                        e.artifact->builderId()));
        return;
    case BuildEvent::Kind::BuildFinished:
        if (m_includeUi)
            log((e.error.isEmpty() ? QStringLiteral("ui: ") : QStringLiteral("ui error: "))
                + (e.error.isEmpty() ? BuildSummary::finishedText(e)
                                     : BuildSummary::erroredText(e, e.error)));
        return;
    case BuildEvent::Kind::Progress:
        // A transfer reports many times a second; the log keeps the start and end only.
        if (e.bytes == 0 || (e.total >= 0 && e.bytes >= e.total))
            log(QStringLiteral("%1: %2: %3 of %4 bytes")
                    .arg(target, e.text, QString::number(e.bytes),
                        e.total >= 0 ? QString::number(e.total) : QStringLiteral("unknown")));
        return;
    }
}

void LogWriter::say(const QString &text)
{
    if (m_includeUi)
        log(QStringLiteral("ui: ") + text);
}

void LogWriter::error(const QString &text)
{
    if (m_includeUi)
        log(QStringLiteral("ui error: ") + text);
}

void LogWriter::machine(const QString &target, const QString &type, const QStringList &args)
{
    QStringList scrubbed;
    for (const QString &arg : args)
        scrubbed << (m_secrets ? m_secrets->scrub(arg) : arg);
    const QString category = target.isEmpty() ? type : target + QLatin1Char(',') + type;
    log(QStringLiteral("machine readable: ") + category + QLatin1Char(' ')
        + goStringSlice(scrubbed));
}

void LogWriter::installMessageHandler()
{
    if (m_installed)
        return;
    g_handlerTarget.storeRelease(this);
    m_previousHandler = qInstallMessageHandler(&LogWriter::handleMessage);
    m_installed = true;
}

void LogWriter::handleMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    LogWriter *target = g_handlerTarget.loadAcquire();
    if (!target)
        return;
    QString prefix;
    switch (type) {
    case QtDebugMsg:
        prefix = QStringLiteral("[DEBUG] ");
        break;
    case QtInfoMsg:
        break;
    case QtWarningMsg:
        prefix = QStringLiteral("[WARN] ");
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        prefix = QStringLiteral("[ERR] ");
        break;
    }
    target->log(prefix + message);
}

} // namespace kiln::output
