// The console's data side: CLI-exact lines from events, coalesced progress, bounded memory.
#include "app/models/build/ConsoleBuffer.h"
#include "app/models/build/EventQueue.h"
#include "engine/build/SecretFilter.h"

#include <QElapsedTimer>
#include <QTest>
#include <atomic>
#include <thread>

using namespace kiln;
using build::BuildEvent;
using models::ConsoleBuffer;
using models::ConsoleLine;
using models::EventQueue;

namespace {

BuildEvent makeEvent(BuildEvent::Kind kind, const QString &text, const QString &component = {})
{
    BuildEvent e;
    e.kind = kind;
    e.build = QStringLiteral("null.x");
    e.component = component;
    e.text = text;
    e.time = QDateTime::currentDateTimeUtc();
    return e;
}

QStringList cli(const QList<ConsoleLine> &lines)
{
    QStringList out;
    for (const ConsoleLine &l : lines)
        out << l.cliText();
    return out;
}

QStringList pane(const QList<ConsoleLine> &lines)
{
    QStringList out;
    for (const ConsoleLine &l : lines)
        out << l.paneText();
    return out;
}

} // namespace

class TestConsoleBuffer : public QObject
{
    Q_OBJECT

private slots:
    void rendersAsTheCli_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("component");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("batched");
        QTest::addColumn<QStringList>("cliLines");
        QTest::addColumn<QStringList>("paneLines");
        QTest::newRow("say") << int(BuildEvent::Kind::Say) << ""
                             << "Running" << false << QStringList{"==> null.x: Running"}
                             << QStringList{"==> Running"};
        QTest::newRow("message") << int(BuildEvent::Kind::Message) << ""
                                 << "out" << false << QStringList{"    null.x: out"}
                                 << QStringList{"    out"};
        // Packer prefixes every line, then right-trims the whole text: only the end is cut.
        QTest::newRow("multi-line, end trimmed")
            << int(BuildEvent::Kind::Say) << ""
            << "a\n\nb\n  \n"
            << false
            << QStringList{"==> null.x: a", "==> null.x: ", "==> null.x: b",
                   "==> null.x:   ", "==> null.x:"}
            << QStringList{"==> a", "==>", "==> b", "==>   ", "==>"};
        QTest::newRow("post-processor")
            << int(BuildEvent::Kind::Say) << "manifest"
            << "Writing" << false << QStringList{"==> null.x (manifest): Writing"}
            << QStringList{"==> Writing"};
        QTest::newRow("error") << int(BuildEvent::Kind::Error) << ""
                               << "bad" << false << QStringList{"==> null.x: bad"}
                               << QStringList{"==> bad"};
        QTest::newRow("batched output lines, each trimmed")
            << int(BuildEvent::Kind::Message) << ""
            << "one  \n\ntwo" << true
            << QStringList{"    null.x: one", "    null.x:", "    null.x: two"}
            << QStringList{"    one", "", "    two"};
        QTest::newRow("step events print nothing")
            << int(BuildEvent::Kind::StepStarted) << ""
            << "StepProvision" << false << QStringList{} << QStringList{};
    }

    void rendersAsTheCli()
    {
        QFETCH(int, kind);
        QFETCH(QString, component);
        QFETCH(QString, text);
        QFETCH(bool, batched);
        QFETCH(QStringList, cliLines);
        QFETCH(QStringList, paneLines);
        BuildEvent e = makeEvent(BuildEvent::Kind(kind), text, component);
        e.batchedLines = batched;
        const QList<ConsoleLine> lines = EventQueue::render(e, nullptr);
        QCOMPARE(cli(lines), cliLines);
        QCOMPARE(pane(lines), paneLines);
    }

    void finishedLines()
    {
        BuildEvent ok = makeEvent(BuildEvent::Kind::BuildFinished, {});
        ok.durationMs = 1002;
        ok.durationNs = 1002000000;
        QCOMPARE(cli(EventQueue::render(ok, nullptr)),
            QStringList{"Build 'null.x' finished after 1 second 2 milliseconds."});
        BuildEvent bad = ok;
        bad.error = QStringLiteral("token s3cr3t refused");
        build::SecretFilter secrets;
        secrets.add(QStringLiteral("s3cr3t"));
        const QList<ConsoleLine> lines = EventQueue::render(bad, &secrets);
        QCOMPARE(cli(lines),
            QStringList{
                "Build 'null.x' errored after 1 second 2 milliseconds: token <sensitive> refused"});
        QCOMPARE(lines.first().kind, ConsoleLine::Kind::Errored);
        QVERIFY(lines.first().isError());
    }

    void queueScrubsAndCoalescesProgress()
    {
        EventQueue q;
        auto secrets = std::make_shared<build::SecretFilter>();
        secrets->add(QStringLiteral("hunter2"));
        q.setSecrets(secrets);
        q.post(makeEvent(BuildEvent::Kind::Message, QStringLiteral("password hunter2")));
        for (int i = 0; i <= 100; ++i) {
            BuildEvent p = makeEvent(BuildEvent::Kind::Progress, QStringLiteral("disk.iso"));
            p.bytes = i;
            p.total = 100;
            q.post(p);
        }
        BuildEvent other = makeEvent(BuildEvent::Kind::Progress, QStringLiteral("other.iso"));
        other.bytes = 5;
        q.post(other);
        q.post(makeEvent(BuildEvent::Kind::StepStarted, QStringLiteral("StepProvision")));
        const models::RunBatch b = q.take();
        QCOMPARE(b.posted, 104);
        QCOMPARE(cli(b.lines), QStringList{"    null.x: password <sensitive>"});
        QCOMPARE(b.progress.size(), 2);
        QCOMPARE(b.progress.at(0).bytes, 100);
        QCOMPARE(b.progress.at(1).text, QStringLiteral("other.iso"));
        QCOMPARE(b.events.size(), 1);
        QCOMPARE(b.events.first().kind, BuildEvent::Kind::StepStarted);
        QVERIFY(q.take().isEmpty());
    }

    void announcementAsTheCli()
    {
        EventQueue q;
        q.announce({QStringLiteral("null.a"), QStringLiteral("null.b")});
        const models::RunBatch b = q.take();
        QCOMPARE(b.announced, QStringList({"null.a", "null.b"}));
        QCOMPARE(cli(b.lines),
            QStringList({"null.a: output will be in this color.",
                "null.b: output will be in this color.", ""}));
    }

    void keepsHeadAndTail()
    {
        ConsoleBuffer buffer(3, 5, 32);
        for (int i = 1; i <= 100; ++i) {
            ConsoleLine l;
            l.kind = ConsoleLine::Kind::Message;
            l.text = QString::number(i);
            buffer.append(l);
        }
        QCOMPARE(buffer.total(), 100);
        QCOMPARE(buffer.size(), 8);
        QCOMPARE(buffer.elided(), 92);
        QCOMPARE(buffer.at(2).text, QStringLiteral("3"));
        QCOMPARE(buffer.at(3).text, QStringLiteral("96"));
        QCOMPARE(buffer.text(false),
            QStringLiteral("    1\n    2\n    3\n%1\n    96\n    97\n    98\n    99\n    100\n")
                .arg(ConsoleBuffer::elisionNotice(92)));
    }

    void cutsHugeLines()
    {
        ConsoleBuffer buffer(10, 10, 100);
        ConsoleLine l;
        l.text = QString(1000, QLatin1Char('x'));
        buffer.append(l);
        QVERIFY(buffer.at(0).text.startsWith(
            QString(100, QLatin1Char('x')) + QStringLiteral(" [… 900 more")));
    }

    void memoryStaysBounded()
    {
        // A million lines of output keep only head + tail.
        ConsoleBuffer buffer(100, 1000);
        ConsoleLine l;
        l.kind = ConsoleLine::Kind::Message;
        l.prefix = QStringLiteral("    null.x: ");
        for (int i = 0; i < 1000000; ++i) {
            l.text = QStringLiteral("line %1 of a very chatty build").arg(i);
            buffer.append(l);
        }
        QCOMPARE(buffer.size(), 1100);
        QCOMPARE(buffer.elided(), 1000000 - 1100);
        QCOMPARE(buffer.at(1099).text, QStringLiteral("line 999999 of a very chatty build"));
    }

    // A build printing faster than the GUI takes waits once maxPendingLines() lines are
    // queued, like a writer on a full pipe, and goes on when the GUI takes them.
    void postsWaitForTheTakerWhenTheQueueIsFull()
    {
        EventQueue q;
        q.setMaxPendingLines(2);
        q.take(); // this thread is the taker
        std::atomic<int> posted{0};
        std::thread build([&] {
            for (int i = 0; i < 3; ++i) {
                q.post(makeEvent(BuildEvent::Kind::Message, QStringLiteral("line %1").arg(i)));
                ++posted;
            }
        });
        QTRY_COMPARE(posted.load(), 2);
        QTest::qWait(100);
        QCOMPARE(posted.load(), 2); // the third waits
        QCOMPARE(q.take().lines.size(), 2);
        QTRY_COMPARE(posted.load(), 3);
        build.join();
        QCOMPARE(pane(q.take().lines), QStringList({"    line 2"}));
    }

    // A taker that does not come (the window is closing) holds a build up once, for
    // waitLimitMs(), and not again until it takes.
    void anAbsentTakerDoesNotHoldBuildsUp()
    {
        EventQueue q;
        q.setMaxPendingLines(1);
        q.take();
        QElapsedTimer clock;
        clock.start();
        std::thread build([&] {
            for (int i = 0; i < 5; ++i)
                q.post(makeEvent(BuildEvent::Kind::Message, QStringLiteral("line %1").arg(i)));
        });
        build.join();
        const qint64 ms = clock.elapsed();
        QVERIFY2(ms >= EventQueue::waitLimitMs() - 50, qPrintable(QString::number(ms)));
        QVERIFY2(ms < 2 * EventQueue::waitLimitMs(), qPrintable(QString::number(ms)));
        QCOMPARE(q.take().lines.size(), 5);
        // The taker's own thread never waits.
        for (int i = 0; i < 3; ++i)
            q.post(makeEvent(BuildEvent::Kind::Message, QStringLiteral("gui %1").arg(i)));
        QCOMPARE(q.take().lines.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestConsoleBuffer)
#include "tst_consolebuffer.moc"
