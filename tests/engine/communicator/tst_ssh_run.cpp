// SshCommunicator::run against a real sshd: output streams, stdin, exit status and signals,
// the remote end going away, cancel killing the remote command, keepalives, reconnecting.

#include "engine/communicator/SshCommunicator.h"
#include "engine/communicator/SshConnector.h"
#include "engine/communicator/SshKeyPair.h"
#include "support/SshServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <thread>

using namespace kiln;
using namespace kiln::comm;
using kiln::test::SshServer;

namespace {

struct Output
{
    QByteArray out, err;
    CommandResult result;
};

Output run(Communicator &comm, const QString &command, const QByteArray &stdinData = {},
    const build::CancelTokenPtr &cancel = build::CancelToken::create())
{
    Output o;
    RemoteCommand cmd;
    cmd.command = command;
    cmd.stdinData = stdinData;
    cmd.onStdout = [&](const QByteArray &c) { o.out += c; };
    cmd.onStderr = [&](const QByteArray &c) { o.err += c; };
    o.result = comm.run(cmd, cancel);
    return o;
}

bool remoteProcessExists(const QString &marker)
{
    return SshServer::exec(QStringLiteral("pgrep"),
               {QStringLiteral("-u"), SshServer::user(), QStringLiteral("-f"), marker})
        == 0;
}

} // namespace

class TestSshRun : public QObject
{
    Q_OBJECT

    std::unique_ptr<SshCommunicator> connect(SshConfig c = {}, QString *error = nullptr)
    {
        if (c.host.isEmpty()) {
            c.host = m_server.host();
            c.port = m_server.port();
            c.auth.username = SshServer::user();
            c.auth.privateKeyFile = m_server.clientKeyPath();
            c.timeoutMs = 5000;
            c.handshakeAttempts = 1;
            c.retryDelayMs = 200;
        }
        QString e;
        auto comm = SshConnector(c).connect(nullptr, &e);
        if (error)
            *error = e;
        return comm;
    }

private slots:
    void initTestCase()
    {
        const QString why = SshServer::unavailableReason();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_comm = connect({}, &error);
        QVERIFY2(m_comm, qPrintable(error));
    }

    void stdoutStderrExit()
    {
        const Output o = run(*m_comm, QStringLiteral("echo out; echo err >&2; exit 3"));
        QVERIFY(o.result.ok());
        QCOMPARE(o.out, QByteArray("out\n"));
        QCOMPARE(o.err, QByteArray("err\n"));
        QCOMPARE(o.result.exitStatus, 3);
    }

    void stdinIsFedThenClosed()
    {
        QByteArray input;
        for (int i = 0; i < 100000; ++i)
            input += QByteArray::number(i) + '\n';
        const Output o = run(*m_comm, QStringLiteral("wc -l; cat >/dev/null"), input);
        QCOMPARE(o.result.exitStatus, 0);
        QCOMPARE(o.out.trimmed(), QByteArray("100000"));
        // No stdin: the command sees EOF at once instead of hanging.
        QCOMPARE(run(*m_comm, QStringLiteral("cat; echo done")).out, QByteArray("done\n"));
    }

    void longOutputCountedExactly()
    {
        qint64 bytes = 0, errBytes = 0;
        int chunks = 0;
        RemoteCommand cmd;
        cmd.command = QStringLiteral("yes | head -c 52428800; yes e | head -c 1000000 >&2");
        cmd.onStdout = [&](const QByteArray &c) {
            bytes += c.size();
            ++chunks;
        };
        cmd.onStderr = [&](const QByteArray &c) { errBytes += c.size(); };
        QElapsedTimer t;
        t.start();
        const CommandResult r = m_comm->run(cmd, build::CancelToken::create());
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(bytes, qint64(52428800));
        QCOMPARE(errBytes, qint64(1000000));
        QVERIFY(chunks > 10); // streamed, not collected
        qInfo() << "50 MB of output in" << t.elapsed() << "ms";
    }

    void exitSignal()
    {
        const Output o = run(*m_comm, QStringLiteral("kill -TERM $$"));
        QCOMPARE(o.result.exitStatus, 128 + 15);
        QVERIFY(o.result.error.isEmpty());
    }

    void pty()
    {
        SshConfig c;
        c.host = m_server.host();
        c.port = m_server.port();
        c.auth.username = SshServer::user();
        c.auth.privateKeyFile = m_server.clientKeyPath();
        c.timeoutMs = 5000;
        c.pty = true;
        auto comm = connect(c);
        QVERIFY(comm);
        const Output o = run(*comm, QStringLiteral("test -t 0 && echo tty; echo err >&2"));
        // With a pty stderr joins stdout, as in Packer.
        QCOMPARE(QByteArray(o.out).replace("\r", ""), QByteArray("tty\nerr\n"));
        QCOMPARE(o.result.exitStatus, 0);
    }

    void cancelKillsRemoteCommand()
    {
        const QString marker = QStringLiteral("sleep 4711");
        auto cancel = build::CancelToken::create();
        std::thread canceller([cancel] {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            cancel->cancel();
        });
        QElapsedTimer t;
        t.start();
        const Output o
            = run(*m_comm, QStringLiteral("echo started; sleep 4711; echo never"), {}, cancel);
        canceller.join();
        QCOMPARE(o.result.error, QStringLiteral("cancelled"));
        QCOMPARE(o.out, QByteArray("started\n"));
        QVERIFY2(t.elapsed() < 4000, m_server.log().right(800).constData());
        QElapsedTimer gone;
        gone.start();
        while (remoteProcessExists(marker) && gone.elapsed() < 3000)
            QTest::qWait(50);
        QVERIFY2(!remoteProcessExists(marker), m_server.log().right(600).constData());
        // The connection is still good afterwards.
        QCOMPARE(run(*m_comm, QStringLiteral("echo again")).out, QByteArray("again\n"));
    }

    void cancelledBeforeStart()
    {
        auto cancel = build::CancelToken::create();
        cancel->cancel();
        const Output o = run(*m_comm, QStringLiteral("echo never"), {}, cancel);
        QCOMPARE(o.result.error, QStringLiteral("cancelled"));
        QCOMPARE(run(*m_comm, QStringLiteral("echo ok")).out, QByteArray("ok\n"));
    }

    void keepAliveKeepsIdleSessionUsable()
    {
        SshConfig c;
        c.host = m_server.host();
        c.port = m_server.port();
        c.auth.username = SshServer::user();
        c.auth.privateKeyFile = m_server.clientKeyPath();
        c.timeoutMs = 5000;
        c.keepAliveIntervalMs = 1000;
        auto comm = connect(c);
        QVERIFY(comm);
        // Idle (the keepalive thread sends), then busy but silent (the run loop sends).
        QTest::qWait(3500);
        const Output o = run(*comm, QStringLiteral("sleep 3; echo awake"));
        QCOMPARE(o.out, QByteArray("awake\n"));
        QCOMPARE(o.result.exitStatus, 0);
        QTest::qWait(1500);
        QCOMPARE(run(*comm, QStringLiteral("echo still")).out, QByteArray("still\n"));
    }

    void clearAuthorizedKeys()
    {
        const QString name = QStringLiteral("packer_6f1c1d2e-test");
        const QByteArray keep = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKeep keep@host";
        const QByteArray drop = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDrop " + name.toUtf8();
        QVERIFY(run(*m_comm,
            QStringLiteral(
                "mkdir -p ~/.ssh && printf '%s\\n%s\\n' '%1' '%2' > ~/.ssh/authorized_keys")
                .arg(QString::fromLatin1(keep), QString::fromLatin1(drop)))
                    .result.ok());
        const QString error = m_comm->clearAuthorizedKeys(name, build::CancelToken::create());
        // kilntest has no sudo: the second command (root's file) fails, as it would for Packer.
        QVERIFY(!error.contains(QLatin1String("~/.ssh")));
        const Output o = run(*m_comm, QStringLiteral("cat ~/.ssh/authorized_keys; ls ~/.ssh"));
        QCOMPARE(o.out, keep + "\nauthorized_keys\n");
        QCOMPARE(SshCommunicator::clearAuthorizedKeysCommands(name).first(),
            QStringLiteral("sed -i.bak '/ packer_6f1c1d2e-test$/d' ~/.ssh/authorized_keys; rm "
                           "~/.ssh/authorized_keys.bak"));
    }

    void serverKilledMidCommand()
    {
        // Last: kills the shared server, then brings it back to check the reconnect.
        auto comm = connect();
        QVERIFY(comm);
        std::thread killer([this] {
            std::this_thread::sleep_for(std::chrono::milliseconds(700));
            m_server.crash();
        });
        QElapsedTimer t;
        t.start();
        const Output o = run(*comm, QStringLiteral("echo running; sleep 30"));
        killer.join();
        QVERIFY(o.result.disconnected);
        QVERIFY(!o.result.ok());
        QCOMPARE(o.result.exitStatus, -1);
        QCOMPARE(o.out, QByteArray("running\n"));
        QVERIFY(t.elapsed() < 5000);

        // Packer's newSession: the next call reconnects.
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        const Output again = run(*comm, QStringLiteral("echo back"));
        QVERIFY2(again.result.ok(), qPrintable(again.result.error));
        QCOMPARE(again.out, QByteArray("back\n"));
        SshServer::exec(QStringLiteral("pkill"),
            {QStringLiteral("-u"), SshServer::user(), QStringLiteral("-f"),
                QStringLiteral("sleep 30")});
    }

    void cleanupTestCase() { m_comm.reset(); }

private:
    SshServer m_server;
    std::unique_ptr<SshCommunicator> m_comm;
};

QTEST_GUILESS_MAIN(TestSshRun)
#include "tst_ssh_run.moc"
