// The pieces the shell provisioners share, exercised deterministically: line splitting over
// arbitrary chunk boundaries, Packer's exit code message, the start retry loop (with a
// communicator that fails its first uploads, as one does while the machine reboots).

#include "components/Descriptors.h"
#include "components/shared/ShellOutputLines.h"
#include "components/shared/ShellRunner.h"
#include "components/shared/ShellUnixText.h"
#include "engine/build/BuildContext.h"
#include "engine/build/Provisioner.h"
#include "engine/build/SecretFilter.h"
#include "engine/communicator/LocalCommunicator.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <mutex>

using namespace kiln;

namespace {

class MessageSink : public build::EventSink
{
public:
    void post(const build::BuildEvent &event) override
    {
        std::lock_guard lock(m_mutex);
        if (event.kind == build::BuildEvent::Kind::Message)
            m_messages << event.text;
    }
    QStringList messages() const
    {
        std::lock_guard lock(m_mutex);
        return m_messages;
    }

private:
    mutable std::mutex m_mutex;
    QStringList m_messages;
};

// Fails the first `failures` uploads, as a communicator whose machine is still rebooting.
class FlakyCommunicator : public comm::LocalCommunicator
{
public:
    int failures = 0;
    int uploads = 0;
    QString upload(const QString &path, QIODevice &source, qint64 size, int mode,
        const comm::ProgressFn &progress, const build::CancelTokenPtr &cancel) override
    {
        if (uploads++ < failures)
            return QStringLiteral("connection refused");
        return LocalCommunicator::upload(path, source, size, mode, progress, cancel);
    }
};

} // namespace

class TestShellHelpers : public QObject
{
    Q_OBJECT

private slots:
    void linesSurviveEveryChunkBoundary()
    {
        const QByteArray text = QByteArray("one\ntwo  \r\n\nthr\rthree\n")
            + QString::fromUtf8("é€\n").toUtf8() + "tail";
        const QStringList expected{"one", "two", "", "three", QString::fromUtf8("é€"), "tail"};
        // Every split of the text into two chunks, and byte by byte.
        for (int cut = 0; cut <= text.size(); ++cut) {
            QStringList lines;
            int batches = 0;
            components::ShellOutputLines splitter([&](const QString &l) {
                lines << l.split(QLatin1Char('\n'));
                ++batches;
            });
            splitter.feed(text.left(cut));
            splitter.feed(text.mid(cut));
            splitter.finish();
            QCOMPARE(lines, expected);
            // One batch per chunk that completes a line, plus the unterminated tail.
            QVERIFY(batches <= 3);
        }
        QStringList lines;
        int batches = 0;
        components::ShellOutputLines splitter([&](const QString &l) {
            lines << l.split(QLatin1Char('\n'));
            ++batches;
        });
        for (char c : text)
            splitter.feed(QByteArray(1, c));
        splitter.finish();
        QCOMPARE(lines, expected);
        QCOMPARE(batches, expected.size());
    }

    void wholeChunkIsOneBatch()
    {
        QStringList batches;
        components::ShellOutputLines splitter([&](const QString &l) { batches << l; });
        splitter.feed("a  \nb\nc");
        splitter.feed("d\n");
        splitter.finish();
        QCOMPARE(batches, (QStringList{"a\nb", "cd"}));
    }

    void cleanLinesKeepsCleanTextAsIs()
    {
        const QString clean = QStringLiteral("one\n\nthree");
        QCOMPARE(components::ShellOutputLines::cleanLines(clean), clean);
        QVERIFY(components::ShellOutputLines::cleanLines(clean).constData() == clean.constData());
        QCOMPARE(components::ShellOutputLines::cleanLines(QStringLiteral("a\t\nbar\rbaz \n\u3000")),
            QStringLiteral("a\nbaz\n"));
    }

    void exitCodeMessage()
    {
        QCOMPARE(components::ShellRunner::validExitCode(0, {}), QString());
        QCOMPARE(components::ShellRunner::validExitCode(1, {}),
            QStringLiteral(
                "Script exited with non-zero exit status: 1. Allowed exit codes are: [0]"));
        QCOMPARE(components::ShellRunner::validExitCode(5, {0, 3010}),
            QStringLiteral(
                "Script exited with non-zero exit status: 5. Allowed exit codes are: [0 3010]"));
    }

    void unixLineEndings_data()
    {
        QTest::addColumn<QByteArray>("in");
        QTest::addColumn<QByteArray>("out");
        QTest::newRow("crlf") << QByteArray("a\r\nb\r\n") << QByteArray("a\nb\n");
        QTest::newRow("no final newline") << QByteArray("a\nb") << QByteArray("a\nb\n");
        QTest::newRow("lone cr kept") << QByteArray("a\rb\n") << QByteArray("a\rb\n");
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("long line") << QByteArray(200000, 'x') + "\r\n"
                                   << QByteArray(200000, 'x') + "\n";
    }

    void unixLineEndings()
    {
        QFETCH(QByteArray, in);
        QFETCH(QByteArray, out);
        QBuffer source(&in);
        source.open(QIODevice::ReadOnly);
        QByteArray converted;
        QBuffer target(&converted);
        target.open(QIODevice::WriteOnly);
        QCOMPARE(components::ShellUnixText::convert(source, target), QString());
        QCOMPARE(converted, out);
    }

    void uploadIsRetriedUntilTheMachineIsBack()
    {
        QTemporaryDir remote;
        FlakyCommunicator comm;
        comm.failures = 1;
        MessageSink sink;
        build::BuildContext ctx;
        ctx.name = "null.example";
        ctx.cancel = build::CancelToken::create();
        ctx.ui = build::BuildUi(ctx.name, &sink, std::make_shared<build::SecretFilter>());
        auto made = components::shellProvisionerDescriptor().create();
        std::unique_ptr<build::Provisioner> p(dynamic_cast<build::Provisioner *>(made.release()));
        QMap<QString, hcl::Value> attrs{
            {"inline", hcl::Value::tuple({hcl::Value::string("echo after retry")})},
            {"remote_folder", hcl::Value::string(remote.path())},
            {"start_retry_timeout", hcl::Value::string("30s")}};
        QVERIFY(p->prepare(build::ComponentConfig(hcl::Value::object(attrs))).ok());
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(p->provision(ctx, comm), QString());
        QCOMPARE(comm.uploads, 2);
        QCOMPARE(sink.messages(), QStringList{"echo after retry"}.replaceInStrings("echo ", ""));
        // Packer waits 2 s between attempts.
        QVERIFY(clock.elapsed() >= 1900);
    }

    void retryStopsOnCancel()
    {
        auto cancel = build::CancelToken::create();
        int attempts = 0;
        QElapsedTimer clock;
        clock.start();
        const QString error = components::ShellRunner::retry(
            0, cancel,
            [&] {
                if (++attempts == 2)
                    cancel->cancel();
                return QStringLiteral("still down");
            },
            50);
        QCOMPARE(error, QStringLiteral("still down"));
        QCOMPARE(attempts, 2);
        QVERIFY(clock.elapsed() < 1000);
    }
};

QTEST_GUILESS_MAIN(TestShellHelpers)
#include "tst_shellhelpers.moc"
