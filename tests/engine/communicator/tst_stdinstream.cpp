// Streamed stdin (RemoteCommand::stdinSource) through the local and the SSH communicator,
// for real: large input hashed by `sha256sum`, 20 MB echoed by `cat` both ways at once, a
// request/response protocol that needs output read while input waits, commands that ignore
// or close their stdin while the source still has (or never ends) input, and cancel while
// the command blocks reading stdin.

#include "engine/communicator/LocalCommunicator.h"
#include "engine/communicator/SshCommunicator.h"
#include "engine/communicator/SshConnector.h"
#include "engine/communicator/StdinTestSources.h"
#include "support/SshServer.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTest>
#include <QThread>
#include <thread>

using namespace kiln;
using namespace kiln::comm;
using kiln::test::SshServer;

class TestStdinStream : public QObject
{
    Q_OBJECT

    SshServer m_server;
    std::unique_ptr<Communicator> m_ssh;
    QString m_sshSkip;
    LocalCommunicator m_local;

    Communicator *communicator()
    {
        QFETCH_GLOBAL(QString, kind);
        if (kind == QLatin1String("ssh")) {
            if (!m_ssh)
                QTest::qSkip(qPrintable(m_sshSkip), __FILE__, __LINE__);
            return m_ssh.get();
        }
        return &m_local;
    }

    static CommandResult run(Communicator &comm, const QString &command, StdinSource *source,
        const OutputFn &onStdout, QByteArray *err = nullptr, const QByteArray &head = {},
        const build::CancelTokenPtr &cancel = build::CancelToken::create())
    {
        RemoteCommand cmd;
        cmd.command = command;
        cmd.stdinData = head;
        cmd.stdinSource = source;
        cmd.onStdout = onStdout;
        cmd.onStderr = [err](const QByteArray &c) {
            if (err)
                *err += c;
        };
        return comm.run(cmd, cancel);
    }

private slots:
    void initTestCase()
    {
        m_sshSkip = SshServer::unavailableReason();
        if (!m_sshSkip.isEmpty())
            return;
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        SshConfig c;
        c.host = m_server.host();
        c.port = m_server.port();
        c.auth.username = SshServer::user();
        c.auth.privateKeyFile = m_server.clientKeyPath();
        c.timeoutMs = 5000;
        c.handshakeAttempts = 1;
        m_ssh = SshConnector(c).connect(nullptr, &error);
        QVERIFY2(m_ssh, qPrintable(error));
    }

    void initTestCase_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("local") << QStringLiteral("local");
        QTest::newRow("ssh") << QStringLiteral("ssh");
    }

    // Several MB of input arrive intact and in order: the remote sha256sum agrees.
    void largeInputIsHashedRemotely()
    {
        Communicator *comm = communicator();
        test::GeneratedStdin source(6 * 1024 * 1024 + 12345);
        QByteArray out, err;
        const CommandResult r = run(
            *comm, QStringLiteral("sha256sum"), &source, [&out](const QByteArray &c) { out += c; },
            &err);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.exitStatus, 0);
        QCOMPARE(source.left(), 0);
        QCOMPARE(out.left(64), source.hexDigest());
    }

    // stdinData goes first, then the source, then EOF (`cat` ends).
    void stdinDataComesFirst()
    {
        Communicator *comm = communicator();
        test::LockstepStdin source(2);
        QByteArray out;
        const CommandResult r = run(
            *comm, QStringLiteral("cat"), &source,
            [&](const QByteArray &c) {
                out += c;
                source.received(c);
            },
            nullptr, QByteArray("head\n"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(out, QByteArray("head\nrequest 0\nrequest 1\n"));
    }

    // 20 MB in and the same 20 MB out at once: neither direction may wait for the other.
    void echoBothWays()
    {
        Communicator *comm = communicator();
        const qint64 size = 20 * 1024 * 1024;
        test::GeneratedStdin source(size);
        QCryptographicHash outHash(QCryptographicHash::Sha256);
        qint64 outSize = 0;
        const CommandResult r
            = run(*comm, QStringLiteral("cat"), &source, [&](const QByteArray &c) {
                  outHash.addData(c);
                  outSize += c.size();
              });
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.exitStatus, 0);
        QCOMPARE(outSize, size);
        QCOMPARE(outHash.result().toHex(), source.hexDigest());
    }

    // Each request waits for the answer to the previous one (as SFTP does).
    void requestResponse()
    {
        Communicator *comm = communicator();
        const int lines = 300;
        test::LockstepStdin source(lines);
        const CommandResult r = run(*comm, QStringLiteral("cat"), &source,
            [&source](const QByteArray &c) { source.received(c); });
        QVERIFY2(r.ok(), qPrintable(r.error));
        QByteArray expected;
        for (int i = 0; i < lines; ++i)
            expected += test::LockstepStdin::line(i);
        QCOMPARE(source.output(), expected);
    }

    // A command that never reads stdin ends the run although the source never ends.
    void commandIgnoringStdinEnds()
    {
        Communicator *comm = communicator();
        test::StalledStdin source;
        QByteArray out;
        QElapsedTimer clock;
        clock.start();
        const CommandResult r = run(*comm, QStringLiteral("echo done; exit 3"), &source,
            [&out](const QByteArray &c) { out += c; });
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.exitStatus, 3);
        QCOMPARE(out, QByteArray("done\n"));
        QVERIFY(source.aborted());
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }

    // A command that closes its stdin early leaves the rest of a large input unread.
    void commandClosingStdinEarly()
    {
        Communicator *comm = communicator();
        test::GeneratedStdin source(50 * 1024 * 1024);
        QByteArray out;
        const CommandResult r = run(*comm, QStringLiteral("head -c 10 | wc -c"), &source,
            [&out](const QByteArray &c) { out += c; });
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.exitStatus, 0);
        QCOMPARE(out.trimmed(), QByteArray("10"));
        QVERIFY(source.left() > 0);
    }

    // Cancel while the command blocks reading stdin and the source blocks too.
    void cancelWhileReadingStdin()
    {
        Communicator *comm = communicator();
        test::StalledStdin source("partial\n");
        auto cancel = build::CancelToken::create();
        std::atomic<bool> echoed{false};
        std::thread canceller([&] {
            QElapsedTimer wait;
            wait.start();
            while (!echoed.load() && wait.elapsed() < 10000)
                QThread::msleep(10);
            cancel->cancel();
        });
        QElapsedTimer clock;
        clock.start();
        const CommandResult r = run(
            *comm, QStringLiteral("cat; echo never"), &source,
            [&](const QByteArray &c) {
                if (c.contains("partial"))
                    echoed.store(true);
            },
            nullptr, {}, cancel);
        const qint64 afterCancel = clock.elapsed();
        canceller.join();
        QVERIFY(echoed.load());
        QCOMPARE(r.error, QStringLiteral("cancelled"));
        QVERIFY(source.aborted());
        QVERIFY2(afterCancel < 6000, qPrintable(QString::number(afterCancel)));
    }
};

QTEST_GUILESS_MAIN(TestStdinStream)
#include "tst_stdinstream.moc"
