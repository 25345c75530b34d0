// `kiln build` against a real OpenSSH server on 127.0.0.1 (tests/support/SshServer): the
// null builder connects over SSH, shell and file provisioners change the machine, and
// failures (wrong key, sshd killed mid-command) end with a clear error, cleanup, no hang.

#include "support/SshServer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using kiln::test::SshServer;

namespace {

QString nullSource(const SshServer &sshd, const QString &keyPath, const QString &extra = {})
{
    return QStringLiteral("source \"null\" \"box\" {\n"
                          "  ssh_host             = \"%1\"\n"
                          "  ssh_port             = %2\n"
                          "  ssh_username         = \"%3\"\n"
                          "  ssh_private_key_file = \"%4\"\n"
                          "  ssh_timeout          = \"20s\"\n"
                          "%5"
                          "}\n\n")
        .arg(sshd.host())
        .arg(sshd.port())
        .arg(SshServer::user(), keyPath, extra);
}

struct Result
{
    int exitCode = -1;
    QString out;
    qint64 ms = 0;
};

Result build(const QString &dir, const QString &hcl, const QStringList &flags = {}, int timeoutMs = 90000)
{
    QFile f(dir + QStringLiteral("/t.pkr.hcl"));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(hcl.toUtf8());
    f.close();
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setStandardInputFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral(KILN_BINARY), QStringList { "build", "-color=false" } + flags + QStringList { "t.pkr.hcl" });
    Result r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.out = QStringLiteral("TIMEOUT\n");
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out += QString::fromUtf8(p.readAll());
    r.ms = t.elapsed();
    return r;
}

// Starts `kiln build` of `hcl` in `dir` and reads its output into *out until it shows `text`.
bool startUntil(QProcess &p, const QString &dir, const QString &hcl, const QString &text, QString *out)
{
    QFile f(dir + QStringLiteral("/t.pkr.hcl"));
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(hcl.toUtf8());
    f.close();
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(KILN_BINARY), {QStringLiteral("build"), QStringLiteral("-color=false"), QStringLiteral("t.pkr.hcl")});
    QElapsedTimer t;
    t.start();
    while (!out->contains(text) && t.elapsed() < 30000 && p.state() != QProcess::NotRunning) {
        p.waitForReadyRead(200);
        *out += QString::fromUtf8(p.readAll());
    }
    return out->contains(text);
}

// The test's sshd runs on this machine, so the "remote" command is a local process.
bool remoteProcessAlive(const QString &marker)
{
    QProcess p;
    p.start(QStringLiteral("pgrep"), {QStringLiteral("-x"), QStringLiteral("-f"), marker});
    p.waitForFinished();
    return p.exitCode() == 0;
}

QByteArray sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

} // namespace

class TestBuildSsh : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SshServer> m_sshd;

private slots:
    void initTestCase()
    {
        const QString why = SshServer::unavailableReason();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        m_sshd = std::make_unique<SshServer>();
        QString error;
        QVERIFY2(m_sshd->start(&error), qPrintable(error));
    }

    void provisionersChangeTheMachine()
    {
        QTemporaryDir dir;
        const QString shared = m_sshd->sharedDir();
        QDir(dir.path()).mkpath("tree/sub");
        QFile a(dir.filePath("tree/a.txt"));
        QVERIFY(a.open(QIODevice::WriteOnly));
        a.write("alpha\n");
        a.close();
        QFile b(dir.filePath("tree/sub/b.txt"));
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("beta\n");
        b.close();
        const QString remote = shared + QStringLiteral("/provisioned");
        const QString hcl = nullSource(*m_sshd, m_sshd->clientKeyPath())
            + QStringLiteral("build {\n"
                             "  sources = [\"source.null.box\"]\n\n"
                             "  provisioner \"shell\" {\n"
                             "    inline = [\"mkdir -p %1\", \"whoami > %1/whoami\", \"echo remote says $GREETING\"]\n"
                             "    environment_vars = [\"GREETING=hello there\"]\n"
                             "  }\n\n"
                             "  provisioner \"file\" {\n"
                             "    source      = \"tree\"\n"
                             "    destination = \"%1\"\n"
                             "  }\n\n"
                             "  provisioner \"file\" {\n"
                             "    direction   = \"download\"\n"
                             "    source      = \"%1/whoami\"\n"
                             "    destination = \"whoami.txt\"\n"
                             "  }\n"
                             "}\n")
                  .arg(remote);
        const Result r = build(dir.path(), hcl);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        QVERIFY2(r.out.contains("==> null.box: Using SSH communicator to connect: 127.0.0.1\n"), qPrintable(r.out));
        QVERIFY(r.out.contains("==> null.box: Waiting for SSH to become available...\n"));
        QVERIFY(r.out.contains("==> null.box: Connected to SSH!\n"));
        QVERIFY(r.out.contains("    null.box: remote says hello there\n"));
        QFile who(dir.filePath("whoami.txt"));
        QVERIFY(who.open(QIODevice::ReadOnly));
        QCOMPARE(who.readAll().trimmed(), QByteArray("kilntest"));
        QCOMPARE(sha256(remote + "/tree/a.txt"), sha256(dir.filePath("tree/a.txt")));
        QCOMPARE(sha256(remote + "/tree/sub/b.txt"), sha256(dir.filePath("tree/sub/b.txt")));
    }

    void wrongKeyIsDiagnosed()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath("other");
        QCOMPARE(SshServer::exec("ssh-keygen", { "-q", "-t", "ed25519", "-N", "", "-f", key }), 0);
        const QString hcl = nullSource(*m_sshd, key, QStringLiteral("  ssh_handshake_attempts = 2\n"))
            + QStringLiteral("build {\n  sources = [\"source.null.box\"]\n  provisioner \"shell\" {\n"
                             "    inline = [\"true\"]\n  }\n}\n");
        const Result r = build(dir.path(), hcl);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("authentication failed"), qPrintable(r.out));
        QVERIFY(r.out.contains("Build 'null.box' errored after "));
    }

    void refusedPortIsDiagnosed()
    {
        QTemporaryDir dir;
        SshServer other;
        QString error;
        QVERIFY(other.start(&error));
        const int deadPort = other.port();
        other.stop();
        QString hcl = nullSource(*m_sshd, m_sshd->clientKeyPath());
        hcl.replace(QStringLiteral("ssh_port             = %1").arg(m_sshd->port()),
                    QStringLiteral("ssh_port             = %1").arg(deadPort));
        hcl.replace(QStringLiteral("\"20s\""), QStringLiteral("\"3s\""));
        hcl += QStringLiteral("build {\n  sources = [\"source.null.box\"]\n  provisioner \"shell\" {\n"
                              "    inline = [\"true\"]\n  }\n}\n");
        const Result r = build(dir.path(), hcl);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("refused"), qPrintable(r.out));
        QVERIFY2(r.ms < 30000, "gives up at ssh_timeout");
    }

    void interruptKillsTheRemoteCommand()
    {
        QTemporaryDir dir;
        // The inline commands run from an uploaded script, so the sleep is told apart by its
        // duration, unique to this test process.
        const QString marker = QStringLiteral("sleep 9%1").arg(QCoreApplication::applicationPid());
        const QString hcl = nullSource(*m_sshd, m_sshd->clientKeyPath())
            + QStringLiteral("build {\n  sources = [\"source.null.box\"]\n  provisioner \"shell\" {\n"
                             "    inline = [\"echo begin\", \"%1\", \"echo never\"]\n  }\n}\n")
                  .arg(marker);
        QProcess p;
        QString out;
        QVERIFY2(startUntil(p, dir.path(), hcl, QStringLiteral("    null.box: begin"), &out), qPrintable(out));
        QTRY_VERIFY_WITH_TIMEOUT(remoteProcessAlive(marker), 5000);
        ::kill(pid_t(p.processId()), SIGINT);
        QElapsedTimer cancelled;
        cancelled.start();
        QVERIFY(p.waitForFinished(30000));
        out += QString::fromUtf8(p.readAll());
        QVERIFY2(cancelled.elapsed() < 10000, "cancel is prompt");
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(out.contains("Cleanly cancelled builds after being interrupted."), qPrintable(out));
        QVERIFY(!out.contains("never"));
        QTRY_VERIFY2_WITH_TIMEOUT(!remoteProcessAlive(marker), "the remote command was killed", 5000);
    }

    void serverKilledMidCommand()
    {
        QTemporaryDir dir;
        const QString hcl = nullSource(*m_sshd, m_sshd->clientKeyPath())
            + QStringLiteral("build {\n  sources = [\"source.null.box\"]\n  provisioner \"shell\" {\n"
                             "    inline = [\"echo begin\", \"sleep 120\", \"echo end\"]\n  }\n}\n");
        QProcess p;
        QString out;
        QVERIFY2(startUntil(p, dir.path(), hcl, QStringLiteral("    null.box: begin"), &out), qPrintable(out));
        m_sshd->crash();
        QVERIFY2(p.waitForFinished(60000), "no hang when the server dies");
        out += QString::fromUtf8(p.readAll());
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(!out.contains("null.box: end"));
        QVERIFY2(out.contains("Build 'null.box' errored after "), qPrintable(out));
        QString error;
        QVERIFY2(m_sshd->restart(&error), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestBuildSsh)
#include "tst_build_ssh.moc"
