#include "FixtureScript.h"
#include "engine/build/SecretFilter.h"
#include "engine/output/MachineReadableWriter.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QTest>
#include <thread>
#include <time.h>
#include <vector>

using namespace kiln::output;
using kiln::build::BuildEvent;

namespace {

BuildEvent makeEvent(
    BuildEvent::Kind kind, const QString &build, const QString &text, const QString &component = {})
{
    BuildEvent e;
    e.kind = kind;
    e.build = build;
    e.text = text;
    e.component = component;
    e.time = QDateTime::fromSecsSinceEpoch(1795639224, Qt::UTC);
    return e;
}

struct Machine
{
    explicit Machine(
        std::shared_ptr<kiln::build::SecretFilter> secrets = {}, bool timestamps = false)
    {
        buffer.open(QIODevice::WriteOnly);
        writer = std::make_unique<MachineReadableWriter>(
            std::make_shared<OutputStream>(&buffer), std::move(secrets), timestamps);
    }
    QString text() const { return QString::fromUtf8(buffer.data()); }

    QBuffer buffer;
    std::unique_ptr<MachineReadableWriter> writer;
};

} // namespace

class TestMachineReadable : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        tzset();
    }

    void packerTranscripts_data()
    {
        QTest::addColumn<QString>("dir");
        for (const char *name : {"parallel-machine", "machine-timestamp", "multiline-machine",
                 "cancel-machine", "checksum-machine", "sensitive-machine"})
            QTest::newRow(name) << QStringLiteral(KILN_FIXTURES_DIR "/output/")
                    + QLatin1String(name);
    }

    void packerTranscripts()
    {
        QFETCH(QString, dir);
        const fixture::Outcome o = fixture::run(dir);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.actual, o.expected);
    }

    void encode_data()
    {
        QTest::addColumn<QString>("datum");
        QTest::addColumn<QString>("encoded");
        QTest::newRow("plain") << "abc"
                               << "abc";
        QTest::newRow("commas") << "a,b,,c"
                                << "a%!(PACKER_COMMA)b%!(PACKER_COMMA)%!(PACKER_COMMA)c";
        QTest::newRow("newline") << "a\nb"
                                 << "a\\nb";
        QTest::newRow("carriage return") << "a\r\nb"
                                         << "a\\r\\nb";
        QTest::newRow("backslash kept") << "a\\nb"
                                        << "a\\nb";
        QTest::newRow("empty") << ""
                               << "";
    }

    void encode()
    {
        QFETCH(QString, datum);
        QFETCH(QString, encoded);
        QCOMPARE(MachineReadableWriter::encode(datum), encoded);
    }

    void lineFormat()
    {
        QCOMPARE(MachineReadableWriter::line(1606300000, "null.a", "artifact", {"0", "end"}),
            QByteArray("1606300000,null.a,artifact,0,end\n"));
        QCOMPARE(MachineReadableWriter::line(1606300000, {}, "error-count", {"2"}),
            QByteArray("1606300000,,error-count,2\n"));
    }

    void eventsCarryTheHumanPrefix()
    {
        Machine m;
        m.writer->post(makeEvent(BuildEvent::Kind::Say, "b.null.a", "Running, now"));
        m.writer->post(makeEvent(BuildEvent::Kind::Message, "b.null.a", "out\nput", "shell-local"));
        m.writer->post(makeEvent(BuildEvent::Kind::Error, "b.null.a", "bad"));
        QCOMPARE(m.text(),
            QStringLiteral("1795639224,,ui,say,==> b.null.a: Running%!(PACKER_COMMA) now\n"
                           "1795639224,,ui,message,    b.null.a (shell-local): out\\n    b.null.a "
                           "(shell-local): put\n"
                           "1795639224,,ui,error,==> b.null.a: bad\n"));
    }

    void quietEvents()
    {
        Machine m;
        BuildEvent progress = makeEvent(BuildEvent::Kind::Progress, "n", "iso");
        progress.bytes = 5;
        progress.total = 10;
        m.writer->post(makeEvent(BuildEvent::Kind::BuildStarted, "n", {}));
        m.writer->post(progress);
        m.writer->post(makeEvent(BuildEvent::Kind::StepStarted, "n", "StepA"));
        m.writer->post(makeEvent(BuildEvent::Kind::StepFinished, "n", "StepA"));
        m.writer->post(makeEvent(BuildEvent::Kind::Artifact, "n", {}));
        QCOMPARE(m.text(), QString());
    }

    void secretsScrubbedBeforeCommaEncoding()
    {
        auto secrets = std::make_shared<kiln::build::SecretFilter>();
        secrets->add(QStringLiteral("p4ss,word"));
        Machine m(secrets);
        m.writer->post(makeEvent(BuildEvent::Kind::Message, "n", "pw=p4ss,word"));
        m.writer->say("said p4ss,word");
        m.writer->error("err p4ss,word");
        m.writer->machine("n", "error", {"login p4ss,word failed, retry"});
        BuildEvent finished = makeEvent(BuildEvent::Kind::BuildFinished, "n", {});
        finished.durationMs = 2;
        finished.error = "bad p4ss,word";
        m.writer->post(finished);
        QVERIFY2(!m.text().contains(QLatin1String("p4ss")), qPrintable(m.text()));
        const QStringList lines = m.text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines.at(0).section(QLatin1Char(','), 1),
            QStringLiteral(",ui,message,    n: pw=<sensitive>"));
        QCOMPARE(
            lines.at(1).section(QLatin1Char(','), 1), QStringLiteral(",ui,say,said <sensitive>"));
        QCOMPARE(
            lines.at(2).section(QLatin1Char(','), 1), QStringLiteral(",ui,error,err <sensitive>"));
        QCOMPARE(lines.at(3).section(QLatin1Char(','), 1),
            QStringLiteral("n,error,login <sensitive> failed%!(PACKER_COMMA) retry"));
        QCOMPARE(lines.at(4).section(QLatin1Char(','), 1),
            QStringLiteral(",ui,error,Build 'n' errored after 2 milliseconds: bad <sensitive>"));
    }

    void shortSecretDoesNotBlankTheBuildName()
    {
        auto secrets = std::make_shared<kiln::build::SecretFilter>();
        secrets->add(QStringLiteral("a"));
        Machine m(secrets);
        m.writer->post(makeEvent(BuildEvent::Kind::Say, "a", "token a used"));
        QCOMPARE(m.text(), QStringLiteral("1795639224,,ui,say,==> a: token <sensitive> used\n"));
    }

    void timestampUiPrefixesBuildData()
    {
        Machine m({}, true);
        m.writer->post(makeEvent(BuildEvent::Kind::Say, "n", "hi"));
        m.writer->say("\n==> Wait completed after 1 second");
        const QStringList lines = m.text().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), QStringLiteral("1795639224,,ui,say,2026-11-25T20:40:24Z: ==> n: hi"));
        // The command's own lines are not timestamped, as in Packer.
        QVERIFY2(
            lines.at(1).endsWith(QLatin1String(",,ui,say,\\n==> Wait completed after 1 second")),
            qPrintable(lines.at(1)));
    }

    void unixTimeOfCommandLinesIsNow()
    {
        Machine m;
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        m.writer->machine({}, "error-count", {"1"});
        const qint64 after = QDateTime::currentSecsSinceEpoch();
        const qint64 stamp = m.text().section(QLatin1Char(','), 0, 0).toLongLong();
        QVERIFY(stamp >= before && stamp <= after);
    }

    void parallelPostsNeverSplitALine()
    {
        Machine m;
        constexpr int Threads = 8;
        constexpr int PerThread = 500;
        std::vector<std::thread> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.emplace_back([&m, t] {
                for (int i = 0; i < PerThread; ++i)
                    m.writer->post(makeEvent(BuildEvent::Kind::Message,
                        QStringLiteral("b%1").arg(t), QStringLiteral("x,%1\ny").arg(i)));
            });
        }
        for (std::thread &t : threads)
            t.join();
        const QStringList lines = m.text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), Threads * PerThread);
        static const QRegularExpression shape(QStringLiteral(
            "^1795639224,,ui,message,    b\\d: x%!\\(PACKER_COMMA\\)\\d+\\\\n    b\\d: y$"));
        for (const QString &line : lines)
            QVERIFY2(shape.match(line).hasMatch(), qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(TestMachineReadable)
#include "tst_machinereadable.moc"
