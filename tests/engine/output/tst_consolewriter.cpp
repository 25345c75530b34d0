#include "FixtureScript.h"
#include "engine/build/SecretFilter.h"
#include "engine/output/ConsoleFormat.h"
#include "engine/output/ConsoleWriter.h"

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
    e.time = QDateTime(QDate(2026, 11, 25), QTime(20, 40, 16), Qt::UTC);
    return e;
}

struct Console
{
    explicit Console(ConsoleOptions options = {}, bool terminal = false)
    {
        buffer.open(QIODevice::WriteOnly);
        stream = std::make_shared<OutputStream>(&buffer);
        stream->setTerminal(terminal);
        writer = std::make_unique<ConsoleWriter>(stream, options);
    }
    QString text() const { return QString::fromUtf8(buffer.data()); }

    QBuffer buffer;
    OutputStreamPtr stream;
    std::unique_ptr<ConsoleWriter> writer;
};

ConsoleOptions plain()
{
    ConsoleOptions o;
    o.color = false;
    o.escapes = false;
    return o;
}

} // namespace

class TestConsoleWriter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // -timestamp-ui prints local time, like Go; the transcripts were taken in UTC.
        qputenv("TZ", "UTC");
        tzset();
    }

    void packerTranscripts_data()
    {
        QTest::addColumn<QString>("dir");
        for (const char *name :
            {"basic", "basic-nocolor-env", "basic-color-false", "parallel", "parallel-timestamp",
                "stderr-timestamp", "multiline", "cancel", "checksum", "sensitive"})
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

    void sayMessageErrorDecorations()
    {
        Console c;
        c.writer->post(makeEvent(BuildEvent::Kind::Say, "null.a", "hi"));
        c.writer->post(makeEvent(BuildEvent::Kind::Message, "null.a", "out"));
        c.writer->post(makeEvent(BuildEvent::Kind::Error, "null.a", "bad"));
        c.writer->post(makeEvent(BuildEvent::Kind::Say, "null.a", "sum", "checksum"));
        QCOMPARE(c.text(),
            QStringLiteral("\033[1;32m==> null.a: hi\033[0m\n"
                           "\033[0;32m    null.a: out\033[0m\n"
                           "\033[1;31m==> null.a: bad\033[0m\n"
                           "\033[1;32m==> null.a (checksum): sum\033[0m\n"));
    }

    void colourCycleOrder()
    {
        Console c;
        c.writer->announce({"b0", "b1", "b2", "b3", "b4", "b5"});
        const QStringList codes{"32", "36", "35", "33", "34", "32"};
        QString expected;
        for (int i = 0; i < 6; ++i)
            expected += QStringLiteral("\033[1;%1mb%2: output will be in this color.\033[0m\n")
                            .arg(codes.at(i))
                            .arg(i);
        QCOMPARE(c.text(), expected + QLatin1Char('\n'));
        // BuildStarted of an announced build prints nothing more.
        c.buffer.buffer().clear();
        c.buffer.seek(0);
        c.writer->post(makeEvent(BuildEvent::Kind::BuildStarted, "b3", {}));
        c.writer->post(makeEvent(BuildEvent::Kind::Message, "b3", "x"));
        QCOMPARE(c.text(), QStringLiteral("\033[0;33m    b3: x\033[0m\n"));
    }

    void unannouncedBuildsGetTheNextColour()
    {
        Console c;
        c.writer->post(makeEvent(BuildEvent::Kind::BuildStarted, "a", {}));
        c.writer->post(makeEvent(BuildEvent::Kind::BuildStarted, "b", {}));
        c.writer->post(makeEvent(BuildEvent::Kind::BuildStarted, "a", {}));
        QCOMPARE(c.text(),
            QStringLiteral("\033[1;32ma: output will be in this color.\033[0m\n\n"
                           "\033[1;36mb: output will be in this color.\033[0m\n\n"));
    }

    void multiLineAndTrailingSpace_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("two lines") << "a\nb"
                                   << "==> n: a\n==> n: b\n";
        QTest::newRow("empty middle line keeps its space") << "a\n\nb"
                                                           << "==> n: a\n==> n: \n==> n: b\n";
        QTest::newRow("trailing newline cut") << "a\n"
                                              << "==> n: a\n==> n:\n";
        QTest::newRow("trailing spaces cut") << "a \t "
                                             << "==> n: a\n";
        QTest::newRow("empty") << ""
                               << "==> n:\n";
        QTest::newRow("CRLF line keeps CR inside") << "a\r\nb"
                                                   << "==> n: a\r\n==> n: b\n";
    }

    void multiLineAndTrailingSpace()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        Console c(plain());
        c.writer->post(makeEvent(BuildEvent::Kind::Say, "n", text));
        QCOMPARE(c.text(), expected);
    }

    void timestampsOnFirstLineInsideColour()
    {
        ConsoleOptions o;
        o.timestamps = true;
        Console c(o);
        c.writer->post(makeEvent(BuildEvent::Kind::Say, "n", "a\nb"));
        QCOMPARE(c.text(),
            QStringLiteral("\033[1;32m2026-11-25T20:40:16Z: ==> n: a\n==> n: b\033[0m\n"));
    }

    void rfc3339()
    {
        const QDateTime paris(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::OffsetFromUTC, 3600);
        QCOMPARE(ConsoleFormat::rfc3339(paris), QStringLiteral("2026-01-02T02:04:05Z"));
        QCOMPARE(ConsoleFormat::logPrefix(paris), QStringLiteral("2026/01/02 02:04:05 "));
    }

    void buildFinishedLines()
    {
        Console c;
        BuildEvent ok = makeEvent(BuildEvent::Kind::BuildFinished, "n", {});
        ok.durationMs = 1115;
        BuildEvent bad = makeEvent(BuildEvent::Kind::BuildFinished, "m", {});
        bad.durationMs = 123000;
        bad.error = "it broke";
        c.writer->post(ok);
        c.writer->post(bad);
        QCOMPARE(c.text(),
            QStringLiteral(
                "\033[1;32mBuild 'n' finished after 1 second 115 milliseconds.\033[0m\n"
                "\033[1;31mBuild 'm' errored after 2 minutes 3 seconds: it broke\033[0m\n"));
    }

    void commandUiIsPlainAndScrubbed()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        auto secrets = std::make_shared<kiln::build::SecretFilter>();
        secrets->add(QStringLiteral("hunter22"));
        ConsoleWriter w(std::make_shared<OutputStream>(&buffer), ConsoleOptions{}, secrets);
        w.say("\n==> Wait completed after 1 second");
        w.error("--> n: password hunter22 rejected");
        w.machine("n", "artifact-count", {"1"});
        QCOMPARE(QString::fromUtf8(buffer.data()),
            QStringLiteral(
                "\n==> Wait completed after 1 second\n--> n: password <sensitive> rejected\n"));
    }

    void stepsAndArtifactsPrintNothing()
    {
        Console c;
        c.writer->announce({"n"});
        c.buffer.buffer().clear();
        c.buffer.seek(0);
        c.writer->post(makeEvent(BuildEvent::Kind::StepStarted, "n", "StepCreateVM"));
        c.writer->post(makeEvent(BuildEvent::Kind::StepFinished, "n", "StepCreateVM"));
        c.writer->post(makeEvent(BuildEvent::Kind::Artifact, "n", {}));
        QCOMPARE(c.text(), QString());
    }

    void progressNeverReachesAPipe()
    {
        Console c(ConsoleOptions{}, false);
        BuildEvent p = makeEvent(BuildEvent::Kind::Progress, "n", "ubuntu.iso");
        p.total = 1000;
        for (qint64 b = 0; b <= 1000; b += 100) {
            p.bytes = b;
            c.writer->post(p);
        }
        c.writer->post(makeEvent(BuildEvent::Kind::Say, "n", "done"));
        QCOMPARE(c.text(), QStringLiteral("\033[1;32m==> n: done\033[0m\n"));
    }

    void progressOnATerminal()
    {
        Console c(plain(), true);
        BuildEvent p = makeEvent(BuildEvent::Kind::Progress, "n", "ubuntu.iso");
        p.total = 4 * 1024 * 1024;
        p.bytes = 1024 * 1024;
        c.writer->post(p);
        QCOMPARE(c.text(), QStringLiteral("\r\033[K    n: ubuntu.iso  1.0 MiB / 4.0 MiB  25%"));
        // Output goes above the progress line, which is drawn again.
        c.writer->post(makeEvent(BuildEvent::Kind::Say, "n", "hello"));
        QVERIFY(c.text().endsWith(
            QStringLiteral("\r\033[K==> n: hello\n    n: ubuntu.iso  1.0 MiB / 4.0 MiB  25%")));
        // Completion erases it; later output is plain.
        p.bytes = p.total;
        c.writer->post(p);
        QVERIFY(c.text().endsWith(QStringLiteral("25%\r\033[K")));
        const qsizetype before = c.text().size();
        c.writer->post(makeEvent(BuildEvent::Kind::Say, "n", "next"));
        QCOMPARE(c.text().mid(before), QStringLiteral("==> n: next\n"));
    }

    void progressSizes()
    {
        QCOMPARE(ProgressLine::size(0), QStringLiteral("0 B"));
        QCOMPARE(ProgressLine::size(1023), QStringLiteral("1023 B"));
        QCOMPARE(ProgressLine::size(1536), QStringLiteral("1.5 KiB"));
        QCOMPARE(ProgressLine::size(qint64(3) << 30), QStringLiteral("3.0 GiB"));
    }

    void parallelPostsNeverSplitALine()
    {
        Console c;
        constexpr int Threads = 8;
        constexpr int PerThread = 400;
        std::vector<std::thread> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.emplace_back([&c, t] {
                const QString build = QStringLiteral("build%1").arg(t);
                for (int i = 0; i < PerThread; ++i) {
                    const BuildEvent::Kind kind
                        = i % 2 ? BuildEvent::Kind::Message : BuildEvent::Kind::Say;
                    c.writer->post(makeEvent(kind, build,
                        QStringLiteral("line %1 of %2\nsecond line %1 of %2").arg(i).arg(build)));
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        const QStringList lines = c.text().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), Threads * PerThread * 2 + 1);
        QVERIFY(lines.last().isEmpty());
        static const QRegularExpression first(QStringLiteral(
            "^\033\\[([01]);3(\\d)m(==>|   ) (build\\d): line (\\d+) of (build\\d)$"));
        static const QRegularExpression second(
            QStringLiteral("^(==>|   ) (build\\d): second line (\\d+) of (build\\d)\033\\[0m$"));
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            const QRegularExpressionMatch a = first.match(lines.at(i));
            const QRegularExpressionMatch b = second.match(lines.at(i + 1));
            QVERIFY2(a.hasMatch(), qPrintable(lines.at(i)));
            QVERIFY2(b.hasMatch(), qPrintable(lines.at(i + 1)));
            QCOMPARE(a.captured(4), a.captured(6));
            QCOMPARE(b.captured(2), a.captured(4));
            QCOMPARE(b.captured(3), a.captured(5));
        }
    }
};

QTEST_GUILESS_MAIN(TestConsoleWriter)
#include "tst_consolewriter.moc"
