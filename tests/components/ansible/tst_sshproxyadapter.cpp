// The SSH proxy adapter on its own, driven by OpenSSH's ssh and sftp clients, over a local
// communicator (the "machine" is this host): who may log in, exec with stdout, stderr, the
// exit status and the client's stdin streamed to the command, and the sftp subsystem run as
// sftp_command (the host's real sftp-server) with the channel piped through the communicator,
// including a wrong sftp_command reported by name.

#include "components/shared/ansible/AdapterKey.h"
#include "components/shared/ansible/SshProxyAdapter.h"
#include "engine/build/BuildUi.h"
#include "engine/communicator/LocalCommunicator.h"
#include "support/BuildHarness.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace kiln;
using components::SshProxyAdapter;

namespace {

int modeOf(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

} // namespace

class TestSshProxyAdapter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    test::Harness m_h;
    comm::LocalCommunicator m_local;
    std::unique_ptr<components::AdapterKey> m_userKey;
    std::unique_ptr<components::AdapterKey> m_otherKey;
    std::unique_ptr<components::AdapterKey> m_hostKey;
    std::unique_ptr<components::SshProxyAdapter> m_adapter;
    QString m_keyFile;
    QString m_otherKeyFile;
    QString m_user;

    QStringList sshOptions(const QString &key) const
    {
        return {"-i", key, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o",
            "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o",
            "LogLevel=ERROR"};
    }
    int ssh(const QString &user, const QString &key, const QString &command, QByteArray *out,
        QByteArray *err = nullptr)
    {
        QProcess p;
        p.start("ssh",
            sshOptions(key)
                + QStringList{
                    "-p", QString::number(m_adapter->port()), user + "@127.0.0.1", command});
        p.closeWriteChannel();
        p.waitForFinished(30000);
        *out = p.readAllStandardOutput();
        if (err)
            *err = p.readAllStandardError();
        return p.exitCode();
    }
    // Runs `command` with `input` written to ssh's stdin while its output is read.
    int sshWithInput(const QString &command, const QByteArray &input, QByteArray *out)
    {
        QProcess p;
        p.start("ssh",
            sshOptions(m_keyFile)
                + QStringList{
                    "-p", QString::number(m_adapter->port()), m_user + "@127.0.0.1", command});
        p.write(input);
        p.closeWriteChannel();
        QElapsedTimer clock;
        clock.start();
        while (p.state() != QProcess::NotRunning && clock.elapsed() < 60000) {
            p.waitForReadyRead(100);
            *out += p.readAllStandardOutput();
        }
        p.waitForFinished(1000);
        *out += p.readAllStandardOutput();
        return p.exitCode();
    }
    int sftp(const QByteArray &batch, QByteArray *out, const SshProxyAdapter *adapter = nullptr)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start("sftp",
            sshOptions(m_keyFile)
                + QStringList{"-P", QString::number((adapter ? adapter : m_adapter.get())->port()),
                    "-b", "-", m_user + "@127.0.0.1"});
        p.write(batch);
        p.closeWriteChannel();
        p.waitForFinished(30000);
        *out = p.readAll();
        return p.exitCode();
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable("ssh").isEmpty()
            || QStandardPaths::findExecutable("sftp").isEmpty())
            QSKIP("the OpenSSH client is not installed");
        m_user = QString::fromLocal8Bit(::getpwuid(::geteuid())->pw_name);
        QString error;
        m_userKey = components::AdapterKey::generate("ECDSA", &error);
        m_otherKey = components::AdapterKey::generate("RSA", &error);
        m_hostKey = components::AdapterKey::generate("ECDSA", &error);
        QVERIFY2(m_userKey && m_otherKey && m_hostKey, qPrintable(error));
        m_keyFile = m_userKey->writePrivateKeyFile(&error);
        m_otherKeyFile = m_otherKey->writePrivateKeyFile(&error);
        QVERIFY2(!m_keyFile.isEmpty() && !m_otherKeyFile.isEmpty(), qPrintable(error));
        QCOMPARE(modeOf(m_keyFile), 0600);
        m_adapter
            = std::make_unique<components::SshProxyAdapter>(m_local, m_h.ctx.ui, m_h.ctx.cancel);
        QVERIFY2(m_adapter->listen(0, &error), qPrintable(error));
        components::SshProxyAdapter::Settings settings;
        settings.user = m_user;
        settings.userKey = m_userKey.get();
        settings.hostKey = m_hostKey.get();
        // sftp_command as a user sets it, leaving a mark that proves it is what served SFTP.
        settings.sftpCommand = QStringLiteral("touch %1 && exec /usr/lib/openssh/sftp-server -e")
                                   .arg(m_tmp.filePath("sftp-command-ran"));
        QVERIFY2(m_adapter->start(settings, &error), qPrintable(error));
    }
    void cleanupTestCase()
    {
        if (m_adapter)
            m_adapter->shutdown();
        QFile::remove(m_keyFile);
        QFile::remove(m_otherKeyFile);
    }

    void onlyTheUserWithTheKeyGetsIn()
    {
        QByteArray out;
        QVERIFY(ssh(m_user, m_otherKeyFile, "echo in", &out) == 255);
        QVERIFY(ssh(m_user + "x", m_keyFile, "echo in", &out) == 255);
        QCOMPARE(ssh(m_user, m_keyFile, "echo in", &out), 0);
        QCOMPARE(out, QByteArray("in\n"));
    }

    void execStreamsAndExitStatus()
    {
        QByteArray out;
        QByteArray err;
        QCOMPARE(ssh(m_user, m_keyFile, "echo to-out; echo to-err >&2; exit 3", &out, &err), 3);
        QCOMPARE(out, QByteArray("to-out\n"));
        QVERIFY(err.contains("to-err\n"));
    }

    void sftpOperations()
    {
        const QString dir = m_tmp.filePath("remote");
        QVERIFY(QDir().mkpath(dir));
        const QString local = m_tmp.filePath("local.txt");
        QFile f(local);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(100000, 'k') + "end\n");
        f.close();
        const QByteArray batch = QStringLiteral("cd %1\n"
                                                "mkdir sub\n"
                                                "put %2 sub/up.txt\n"
                                                "chmod 600 sub/up.txt\n"
                                                "rename sub/up.txt sub/moved.txt\n"
                                                "ls sub\n"
                                                "get sub/moved.txt %3\n"
                                                "put %2 gone.txt\n"
                                                "rm gone.txt\n")
                                     .arg(dir, local, m_tmp.filePath("back.txt"))
                                     .toUtf8();
        QByteArray out;
        QCOMPARE(sftp(batch, &out), 0);
        QVERIFY2(out.contains("moved.txt"), out.constData());
        QFile moved(dir + "/sub/moved.txt");
        QVERIFY(moved.open(QIODevice::ReadOnly));
        QCOMPARE(moved.size(), 100004);
        QCOMPARE(modeOf(moved.fileName()), 0600);
        QFile back(m_tmp.filePath("back.txt"));
        QVERIFY(back.open(QIODevice::ReadOnly));
        QVERIFY(back.readAll().endsWith("kend\n"));
        QVERIFY(!QFile::exists(dir + "/gone.txt"));
        QVERIFY(QFile::exists(m_tmp.filePath("sftp-command-ran")));
        // A missing file is the server's "No such file".
        QVERIFY(sftp(QStringLiteral("get %1/none.txt %2\n").arg(dir, m_tmp.filePath("x")).toUtf8(),
                    &out)
            != 0);
        QVERIFY2(out.contains("not found") || out.contains("No such file"), out.constData());
    }

    // The client's stdin reaches the command as a stream: several MB hashed on the far side,
    // and the same amount echoed back by cat while more is still being sent.
    void execForwardsStdin()
    {
        QByteArray input(5 * 1024 * 1024 + 7, Qt::Uninitialized);
        for (qsizetype i = 0; i < input.size(); ++i)
            input[i] = char((i * 7919) >> 3);
        QByteArray out;
        QCOMPARE(sshWithInput("sha256sum", input, &out), 0);
        QCOMPARE(out.left(64), QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex());
        out.clear();
        QCOMPARE(sshWithInput("cat", input, &out), 0);
        QCOMPARE(out.size(), input.size());
        QVERIFY(out == input);
    }

    // Ansible's pipelining: the module goes to python3's stdin.
    void pythonReadsItsProgramFromStdin()
    {
        if (QStandardPaths::findExecutable("python3").isEmpty())
            QSKIP("python3 is not installed");
        QByteArray out;
        QCOMPARE(sshWithInput("/bin/sh -c 'python3 && echo ok'",
                     "import sys\nprint(sum(range(10)))\nsys.exit(0)\n", &out),
            0);
        QCOMPARE(out, QByteArray("45\nok\n"));
    }

    // Cancelling the build stops a command that waits for more of the client's input, though
    // the client never closes it.
    void cancelWhileCommandReadsStdin()
    {
        test::Harness h;
        SshProxyAdapter adapter(m_local, h.ctx.ui, h.ctx.cancel);
        QString error;
        QVERIFY2(adapter.listen(0, &error), qPrintable(error));
        SshProxyAdapter::Settings settings;
        settings.user = m_user;
        settings.userKey = m_userKey.get();
        settings.hostKey = m_hostKey.get();
        QVERIFY2(adapter.start(settings, &error), qPrintable(error));
        QProcess p;
        p.start("ssh",
            sshOptions(m_keyFile)
                + QStringList{"-p", QString::number(adapter.port()), m_user + "@127.0.0.1",
                    "cat; echo never"});
        p.write("partial\n");
        QByteArray out;
        QElapsedTimer clock;
        clock.start();
        while (!out.contains("partial") && clock.elapsed() < 20000) {
            p.waitForReadyRead(100);
            out += p.readAllStandardOutput();
        }
        QCOMPARE(out, QByteArray("partial\n"));
        clock.restart();
        h.ctx.cancel->cancel();
        QVERIFY(p.waitForFinished(10000));
        out += p.readAllStandardOutput();
        QVERIFY2(clock.elapsed() < 8000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(p.exitCode(), 255);
        QCOMPARE(out, QByteArray("partial\n"));
        adapter.shutdown();
        QVERIFY2(h.sink.errors().contains(QStringLiteral("cancelled")),
            qPrintable(h.sink.errors().join('\n')));
    }

    // A wrong sftp_command fails the SFTP session with an error naming the setting.
    void wrongSftpCommandIsNamed()
    {
        test::Harness h;
        SshProxyAdapter adapter(m_local, h.ctx.ui, h.ctx.cancel);
        QString error;
        QVERIFY2(adapter.listen(0, &error), qPrintable(error));
        SshProxyAdapter::Settings settings;
        settings.user = m_user;
        settings.userKey = m_userKey.get();
        settings.hostKey = m_hostKey.get();
        settings.sftpCommand = QStringLiteral("/usr/lib/sftp-server-missing -e");
        QVERIFY2(adapter.start(settings, &error), qPrintable(error));
        QByteArray out;
        QVERIFY(sftp("ls /\n", &out, &adapter) != 0);
        adapter.shutdown();
        const QString errors = h.sink.errors().join(QLatin1Char('\n'));
        QVERIFY2(errors.contains(QStringLiteral(
                     "sftp subsystem: sftp_command \"/usr/lib/sftp-server-missing -e\" exited "
                     "with status 127")),
            qPrintable(errors));
        QVERIFY2(errors.contains(QStringLiteral("not found")), qPrintable(errors));
        QVERIFY2(
            errors.contains(QStringLiteral("/usr/lib/openssh/sftp-server -e")), qPrintable(errors));
    }
};

QTEST_GUILESS_MAIN(TestSshProxyAdapter)
#include "tst_sshproxyadapter.moc"
