// A chunk of command output arrives as one event with batchedLines set; every writer must
// print it exactly as it prints the same lines posted one event each (Packer says each
// line of RunWithUi separately: own prefix, own timestamp, own machine-readable record).
#include "engine/build/BuildEvent.h"
#include "engine/build/SecretFilter.h"
#include "engine/output/ConsoleWriter.h"
#include "engine/output/LogWriter.h"
#include "engine/output/MachineReadableWriter.h"
#include "engine/output/OutputStream.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QTest>

using namespace kiln;
using build::BuildEvent;

namespace {

const QStringList lines{QStringLiteral("first line"), QString(), QStringLiteral("  indented, with, commas"),
                        QStringLiteral("pin=hunter2 is secret"), QStringLiteral("last")};

QList<BuildEvent> oneByOne(BuildEvent::Kind kind, const QDateTime &time)
{
    QList<BuildEvent> events;
    for (const QString &l : lines) {
        BuildEvent e;
        e.kind = kind;
        e.build = QStringLiteral("null.out");
        e.text = l;
        e.time = time;
        events << e;
    }
    return events;
}

BuildEvent batched(BuildEvent::Kind kind, const QDateTime &time)
{
    BuildEvent e;
    e.kind = kind;
    e.build = QStringLiteral("null.out");
    e.text = lines.join(QLatin1Char('\n'));
    e.batchedLines = true;
    e.time = time;
    return e;
}

// Runs `events` through a writer made by `make` and returns what it printed.
template<typename Make>
QByteArray render(const Make &make, const QList<BuildEvent> &events)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        auto stream = std::make_shared<output::OutputStream>(&buffer);
        auto secrets = std::make_shared<build::SecretFilter>();
        secrets->add({QStringLiteral("hunter2")});
        auto writer = make(stream, secrets);
        for (const BuildEvent &e : events)
            writer->post(e);
    }
    return buffer.data();
}

} // namespace

class TestBatchedLines : public QObject
{
    Q_OBJECT

private slots:
    void sameAsOneByOne_data()
    {
        QTest::addColumn<int>("writer");
        QTest::addColumn<int>("kind");
        for (int w = 0; w < 5; ++w)
            for (BuildEvent::Kind k : {BuildEvent::Kind::Message, BuildEvent::Kind::Error})
                QTest::addRow("writer%d-%s", w, k == BuildEvent::Kind::Message ? "message" : "error")
                    << w << int(k);
    }

    void sameAsOneByOne()
    {
        QFETCH(int, writer);
        QFETCH(int, kind);
        const QDateTime time = QDateTime::fromString(QStringLiteral("2026-11-25T10:00:00Z"), Qt::ISODate);
        const auto k = BuildEvent::Kind(kind);
        auto make = [writer](output::OutputStreamPtr s, std::shared_ptr<build::SecretFilter> secrets)
            -> std::unique_ptr<build::EventSink> {
            output::ConsoleOptions o;
            switch (writer) {
            case 0: // -color=false
                o.color = false;
                o.escapes = false;
                return std::make_unique<output::ConsoleWriter>(s, o, secrets);
            case 1: // colours
                return std::make_unique<output::ConsoleWriter>(s, o, secrets);
            case 2: // colours and -timestamp-ui
                o.timestamps = true;
                return std::make_unique<output::ConsoleWriter>(s, o, secrets);
            case 3:
                return std::make_unique<output::MachineReadableWriter>(s, secrets, true);
            default:
                return std::make_unique<output::LogWriter>(s, secrets, true);
            }
        };
        QByteArray expected = render(make, oneByOne(k, time));
        QByteArray got = render(make, {batched(k, time)});
        if (writer == 4) {
            // The log stamps entries with the time they are written.
            static const QRegularExpression stamp(QStringLiteral("^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d "),
                                                  QRegularExpression::MultilineOption);
            expected = QString::fromUtf8(expected).remove(stamp).toUtf8();
            got = QString::fromUtf8(got).remove(stamp).toUtf8();
        }
        QVERIFY(!expected.isEmpty());
        QCOMPARE(got, expected);
        QVERIFY(!got.contains("hunter2"));
        QCOMPARE(got.count('\n'), expected.count('\n'));
    }

    void singleLineIsNotABatch()
    {
        BuildEvent e;
        e.text = QStringLiteral("a\nb");
        QCOMPARE(build::eachLine(e, e.text), QStringList{e.text});
        e.batchedLines = true;
        QCOMPARE(build::eachLine(e, e.text), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }
};

QTEST_GUILESS_MAIN(TestBatchedLines)
#include "tst_batchedlines.moc"
