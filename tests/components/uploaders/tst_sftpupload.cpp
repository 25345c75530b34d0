// sftp-upload against a real OpenSSH server on loopback: upload, resume after an
// interrupted upload, host key checks (known_hosts, hashed, pinned), a wrong key, an
// unreachable host and cancel.

#include "components/postprocessors/sftp-upload/SftpUploadPostProcessor.h"
#include "support/BuildHarness.h"
#include "support/LoopbackPorts.h"
#include "support/SshServer.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiln;
using namespace kiln::build;
using namespace kiln::components;

namespace {

constexpr qint64 MiB = 1024 * 1024;

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator gen(seed);
    for (qint64 i = 0; i < size; ++i)
        data[i] = char(gen.generate() & 0xff);
    return data;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

void writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(data);
}

class CancellingSink : public test::RecordingSink
{
public:
    CancelTokenPtr token;
    qint64 threshold = 0;
    void post(const BuildEvent &event) override
    {
        test::RecordingSink::post(event);
        if (event.kind == BuildEvent::Kind::Progress && event.bytes > threshold)
            token->cancel();
    }
};

} // namespace

class TestSftpUpload : public QObject
{
    Q_OBJECT

private:
    test::SshServer m_server;
    QTemporaryDir m_tmp;

    QVariantMap baseConfig(const QString &remoteDir) const
    {
        return {{"host", m_server.host()}, {"port", m_server.port()},
            {"username", test::SshServer::user()}, {"private_key_file", m_server.clientKeyPath()},
            {"remote_dir", remoteDir}, {"host_key", m_server.hostPublicKey()}};
    }

    PostProcessResult run(test::Harness &h, const QVariantMap &config, const QStringList &files)
    {
        SftpUploadPostProcessor pp;
        const PrepareResult prepared = pp.prepare(test::configFrom(config));
        if (!prepared.ok())
            return {nullptr, false, false, prepared.errors.join('\n')};
        return pp.postProcess(h.ctx, std::make_shared<FileArtifact>("test", files));
    }

    QString local(const QString &name, const QByteArray &data)
    {
        const QString path = m_tmp.filePath(name);
        writeAll(path, data);
        return path;
    }

    static QString sentLine(const test::RecordingSink &sink)
    {
        for (const QString &m : sink.messages())
            if (m.startsWith("Uploaded sftp://"))
                return m;
        return {};
    }

private slots:
    void initTestCase()
    {
        if (const QString why = test::SshServer::unavailableReason(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void uploadsIntoNewDirectory()
    {
        const QByteArray a = randomBytes(300 * 1024, 1);
        const QString fa = local("a.bin", a);
        const QString fb = local("b.txt", "hello\n");
        const QString remoteDir = m_server.sharedDir() + "/up/nested";
        test::Harness h;
        const PostProcessResult r = run(h, baseConfig(remoteDir), {fa, fb});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(readAll(remoteDir + "/a.bin"), a);
        QCOMPARE(readAll(remoteDir + "/b.txt"), QByteArray("hello\n"));
        QByteArray mode;
        test::SshServer::exec("stat", {"-c", "%a %U", remoteDir + "/a.bin"}, &mode);
        QCOMPARE(mode.trimmed(), QByteArray("644 kilntest"));
        const QString prefix = QString("sftp://kilntest@127.0.0.1:%1").arg(m_server.port());
        QCOMPARE(r.artifact->id(), prefix + remoteDir + "/a.bin," + prefix + remoteDir + "/b.txt");
        QCOMPARE(r.artifact->files(), QStringList({fa, fb}));
        QCOMPARE(sentLine(h.sink),
            QString("Uploaded %1%2/a.bin (sent 307200 of 307200 bytes)").arg(prefix, remoteDir));
    }

    void resumesAfterInterruptedUpload()
    {
        const QByteArray data = randomBytes(3 * MiB, 2);
        const QString file = local("disk.img", data);
        const QString remoteDir = m_server.sharedDir() + "/resume";
        QDir().mkpath(remoteDir);
        QFile::setPermissions(remoteDir, QFile::Permissions(0x7777));
        const qint64 partial = MiB + 17;
        // What an interrupted upload leaves: the first bytes, owned by the uploading user.
        writeAll(remoteDir + "/disk.img", data.left(partial));
        QCOMPARE(
            test::SshServer::exec("chown", {test::SshServer::user(), remoteDir + "/disk.img"}), 0);

        test::Harness h;
        const PostProcessResult r = run(h, baseConfig(remoteDir), {file});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(readAll(remoteDir + "/disk.img"), data);
        QVERIFY(h.sink.messages().contains(
            QString("Resuming %1/disk.img at byte %2 of %3 (the remote prefix matches)")
                .arg(remoteDir)
                .arg(partial)
                .arg(data.size())));
        QVERIFY(sentLine(h.sink).endsWith(
            QString("(sent %1 of %2 bytes)").arg(data.size() - partial).arg(data.size())));
        // Progress starts past the part that was already there.
        for (const BuildEvent &e : h.sink.events())
            if (e.kind == BuildEvent::Kind::Progress)
                QVERIFY(e.bytes > partial);

        // Now identical: nothing is sent.
        test::Harness again;
        QVERIFY(run(again, baseConfig(remoteDir), {file}).error.isEmpty());
        QVERIFY(sentLine(again.sink).endsWith(QString("(sent 0 of %1 bytes)").arg(data.size())));
    }

    void differentPrefixIsUploadedAgain()
    {
        const QByteArray data = randomBytes(2 * MiB, 3);
        const QString file = local("other.img", data);
        const QString remoteDir = m_server.sharedDir() + "/differs";
        QDir().mkpath(remoteDir);
        QFile::setPermissions(remoteDir, QFile::Permissions(0x7777));
        QByteArray stale = data.left(MiB);
        stale[100] = char(stale[100] ^ 0x55);
        writeAll(remoteDir + "/other.img", stale);
        QCOMPARE(
            test::SshServer::exec("chown", {test::SshServer::user(), remoteDir + "/other.img"}), 0);

        test::Harness h;
        const PostProcessResult r = run(h, baseConfig(remoteDir), {file});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(readAll(remoteDir + "/other.img"), data);
        QVERIFY(h.sink.messages().contains(
            remoteDir + "/other.img differs from " + file + "; uploading it again"));
        QVERIFY(sentLine(h.sink).endsWith(QString("(sent %1 of %1 bytes)").arg(data.size())));
    }

    void knownHostsFile()
    {
        const QString file = local("kh.txt", "known hosts\n");
        const QString remoteDir = m_server.sharedDir() + "/kh";
        const QString entry
            = QString("[127.0.0.1]:%1 %2\n").arg(m_server.port()).arg(m_server.hostPublicKey());

        // Plain entry, after an unrelated host.
        const QString plain = local("known_hosts",
            "example.org ssh-ed25519 "
            "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n"
                + entry.toUtf8());
        QVariantMap config = baseConfig(remoteDir);
        config.remove("host_key");
        config.insert("known_hosts_file", plain);
        test::Harness h;
        PostProcessResult r = run(h, config, {file});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));

        // Hashed by ssh-keygen -H.
        const QString hashed = local("known_hosts_hashed", entry.toUtf8());
        QCOMPARE(test::SshServer::exec("ssh-keygen", {"-H", "-f", hashed}), 0);
        QVERIFY(readAll(hashed).startsWith("|1|"));
        config.insert("known_hosts_file", hashed);
        test::Harness h2;
        r = run(h2, config, {file});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));

        // Listed with another key: refused before logging in.
        const QString wrong = local("known_hosts_wrong",
            QString("[127.0.0.1]:%1 ssh-ed25519 "
                    "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n")
                .arg(m_server.port())
                .toUtf8());
        config.insert("known_hosts_file", wrong);
        test::Harness h3;
        r = run(h3, config, {file});
        QVERIFY(!r.artifact);
        QVERIFY2(r.error.startsWith(QString("sftp-upload: no key for 127.0.0.1:%1 in %2 matches: ")
                                        .arg(m_server.port())
                                        .arg(wrong)),
            qPrintable(r.error));
        QVERIFY2(r.error.contains(m_server.hostKeyFingerprint()), qPrintable(r.error));

        // Not listed at all.
        config.insert("known_hosts_file",
            local("known_hosts_other",
                "example.org ssh-ed25519 "
                "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n"));
        test::Harness h4;
        r = run(h4, config, {file});
        QCOMPARE(r.error,
            QString("sftp-upload: 127.0.0.1:%1 is not in known_hosts_file %2")
                .arg(m_server.port())
                .arg(m_tmp.filePath("known_hosts_other")));
    }

    void wrongKeyIsAClearError()
    {
        const QString key = m_tmp.filePath("stranger");
        QCOMPARE(
            test::SshServer::exec("ssh-keygen", {"-q", "-t", "ed25519", "-N", "", "-f", key}), 0);
        QVariantMap config = baseConfig(m_server.sharedDir());
        config.insert("private_key_file", key);
        test::Harness h;
        const PostProcessResult r = run(h, config, {local("x.txt", "x")});
        QVERIFY(!r.artifact);
        QVERIFY2(r.error.startsWith(
                     QString("sftp-upload: cannot connect to 127.0.0.1:%1: ").arg(m_server.port())),
            qPrintable(r.error));
        QVERIFY2(r.error.contains("publickey"), qPrintable(r.error));
    }

    void unreachableHost()
    {
        QVariantMap config = baseConfig(m_server.sharedDir());
        const int port = test::freeLoopbackPort();
        config.insert("port", port);
        test::Harness h;
        const PostProcessResult r = run(h, config, {local("y.txt", "y")});
        QVERIFY(!r.artifact);
        QVERIFY2(
            r.error.startsWith(QString("sftp-upload: cannot connect to 127.0.0.1:%1: ").arg(port)),
            qPrintable(r.error));
        QVERIFY2(r.error.contains("refused"), qPrintable(r.error));
    }

    void cancelStopsTheUpload()
    {
        // Large enough that the upload cannot finish before the cancel lands, on a fast
        // machine with nothing else running.
        const QByteArray data = randomBytes(32 * MiB, 4);
        const QString file = local("huge.img", data);
        CancellingSink sink;
        test::Harness h;
        h.ctx.ui = BuildUi(h.ctx.name, &sink, h.secrets);
        sink.token = h.ctx.cancel;
        sink.threshold = 2 * MiB;
        const PostProcessResult r = run(h, baseConfig(m_server.sharedDir() + "/cancel"), {file});
        QVERIFY(!r.artifact);
        QVERIFY2(r.error.startsWith("sftp-upload: upload of " + file + " cancelled after "),
            qPrintable(r.error));
        QVERIFY(QFileInfo(m_server.sharedDir() + "/cancel/huge.img").size() < data.size());
    }

    void passwordLogin()
    {
        // The fixture sets a password while preparing, which it did already for the key tests.
        m_server.enablePasswordAuth("upload-pass-1");
        QCOMPARE(test::SshServer::exec("chpasswd", {}, nullptr, "kilntest:upload-pass-1\n"), 0);
        QString error;
        QVERIFY2(m_server.restart(&error), qPrintable(error));
        QVariantMap config = baseConfig(m_server.sharedDir() + "/password");
        config.remove("private_key_file");
        config.insert("password", "upload-pass-1");
        test::Harness h;
        const PostProcessResult r = run(h, config, {local("pw.txt", "by password\n")});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(readAll(m_server.sharedDir() + "/password/pw.txt"), QByteArray("by password\n"));
    }

    void prepareErrors()
    {
        SftpUploadPostProcessor pp;
        const PrepareResult r
            = pp.prepare(test::configFrom({{"file_mode", "999"}, {"port", 70000}}));
        QCOMPARE(r.errors,
            QStringList({"host must be set", "port must be between 1 and 65535, got 70000",
                "username must be set", "password or private_key_file must be set",
                "file_mode must be an octal mode like \"0644\", got 999"}));
    }
};

QTEST_GUILESS_MAIN(TestSftpUpload)
#include "tst_sftpupload.moc"
