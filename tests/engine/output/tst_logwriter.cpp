#include "engine/build/SecretFilter.h"
#include "engine/output/LogWriter.h"

#include <QBuffer>
#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln::output;
using kiln::build::BuildEvent;

namespace {

struct Log
{
    explicit Log(bool includeUi, std::shared_ptr<kiln::build::SecretFilter> secrets = {})
    {
        buffer.open(QIODevice::WriteOnly);
        writer = std::make_unique<LogWriter>(
            std::make_shared<OutputStream>(&buffer), std::move(secrets), includeUi);
    }
    // The log with each "2006/01/02 15:04:05 " prefix replaced by "T ".
    QString text() const
    {
        static const QRegularExpression stamp(
            QStringLiteral("^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d "),
            QRegularExpression::MultilineOption);
        return QString::fromUtf8(buffer.data()).replace(stamp, QStringLiteral("T "));
    }

    QBuffer buffer;
    std::unique_ptr<LogWriter> writer;
};

BuildEvent makeEvent(BuildEvent::Kind kind, const QString &build, const QString &text)
{
    BuildEvent e;
    e.kind = kind;
    e.build = build;
    e.text = text;
    return e;
}

} // namespace

class TestLogWriter : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        qunsetenv("PACKER_LOG");
        qunsetenv("PACKER_LOG_PATH");
    }

    void entryFormat()
    {
        const QDateTime t(QDate(2026, 11, 25), QTime(20, 41, 2));
        QCOMPARE(LogWriter::entry(t, "Build debug mode: false"),
            QByteArray("2026/11/25 20:41:02 Build debug mode: false\n"));
        // Go's log adds a newline only when missing, and prefixes the first line only.
        QCOMPARE(LogWriter::entry(t, "a\nb\n"), QByteArray("2026/11/25 20:41:02 a\nb\n"));
    }

    void logIsScrubbed()
    {
        auto secrets = std::make_shared<kiln::build::SecretFilter>();
        secrets->add(QStringLiteral("sup3rs3cret"));
        Log log(true, secrets);
        log.writer->log("ssh password sup3rs3cret");
        log.writer->post(makeEvent(BuildEvent::Kind::Message, "n", "echo sup3rs3cret"));
        log.writer->machine("n", "error", {"bad sup3rs3cret"});
        QCOMPARE(log.text(),
            QStringLiteral("T ssh password <sensitive>\n"
                           "T ui:     n: echo <sensitive>\n"
                           "T machine readable: n,error []string{\"bad <sensitive>\"}\n"));
    }

    void uiOnlyInAFile()
    {
        Log file(true);
        Log stderrLog(false);
        for (Log *log : {&file, &stderrLog}) {
            log->writer->post(makeEvent(BuildEvent::Kind::BuildStarted, "n", {}));
            log->writer->post(makeEvent(BuildEvent::Kind::Say, "n", "one\ntwo"));
            log->writer->post(makeEvent(BuildEvent::Kind::Error, "n", "bad"));
            log->writer->say("\n==> Wait completed after 1 second");
            log->writer->error("--> n: bad");
        }
        QCOMPARE(file.text(),
            QStringLiteral("T Starting build run: n\n"
                           "T ui: ==> n: one\n==> n: two\n"
                           "T ui error: ==> n: bad\n"
                           "T ui: \n==> Wait completed after 1 second\n"
                           "T ui error: --> n: bad\n"));
        // On stderr the UI is already on the terminal: no ui lines, not even continuations.
        QCOMPARE(stderrLog.text(), QStringLiteral("T Starting build run: n\n"));
    }

    void machineLinesLikeGo()
    {
        QCOMPARE(LogWriter::goStringSlice({"0", "builder-id", "fnoeding.null"}),
            QStringLiteral("[]string{\"0\", \"builder-id\", \"fnoeding.null\"}"));
        QCOMPARE(LogWriter::goStringSlice({"a\"b\\c\nd\te\x01"}),
            QStringLiteral("[]string{\"a\\\"b\\\\c\\nd\\te\\x01\"}"));
        QCOMPARE(LogWriter::goStringSlice({}), QStringLiteral("[]string{}"));
        Log log(false);
        log.writer->machine({}, "error-count", {"1"});
        QCOMPARE(log.text(), QStringLiteral("T machine readable: error-count []string{\"1\"}\n"));
    }

    void environmentOff_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("unset") << QByteArray();
        QTest::newRow("zero") << QByteArray("0");
    }

    void environmentOff()
    {
        QFETCH(QByteArray, value);
        if (!value.isNull())
            qputenv("PACKER_LOG", value);
        // PACKER_LOG_PATH alone does not turn logging on in 1.6.6.
        QTemporaryDir dir;
        const QString path = dir.filePath("packer.log");
        qputenv("PACKER_LOG_PATH", path.toUtf8());
        QString error;
        QVERIFY(!LogWriter::fromEnvironment({}, &error));
        QVERIFY(error.isEmpty());
        QVERIFY(!QFile::exists(path));
    }

    void environmentFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("packer.log");
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("previous run\n");
        }
        qputenv("PACKER_LOG", "1");
        qputenv("PACKER_LOG_PATH", path.toUtf8());
        QString error;
        auto log = LogWriter::fromEnvironment({}, &error);
        QVERIFY2(log, qPrintable(error));
        log->post(makeEvent(BuildEvent::Kind::Say, "n", "hello"));
        // Written through at once, not at exit.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY2(
            QRegularExpression(
                QStringLiteral("^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d ui: ==> n: hello\\n$"))
                .match(text)
                .hasMatch(),
            qPrintable(text));
    }

    void environmentBadPath()
    {
        qputenv("PACKER_LOG", "1");
        qputenv("PACKER_LOG_PATH", "/nonexistent-dir/kiln/packer.log");
        QString error;
        QVERIFY(!LogWriter::fromEnvironment({}, &error));
        QVERIFY2(error.startsWith(QLatin1String(
                     "Couldn't setup logging: open /nonexistent-dir/kiln/packer.log: ")),
            qPrintable(error));
    }

    void qtMessagesRouted()
    {
        Log log(false);
        log.writer->installMessageHandler();
        qInfo("plain info");
        qWarning("careful");
        qDebug("detail");
        QCOMPARE(log.text(), QStringLiteral("T plain info\nT [WARN] careful\nT [DEBUG] detail\n"));
    }
};

QTEST_GUILESS_MAIN(TestLogWriter)
#include "tst_logwriter.moc"
