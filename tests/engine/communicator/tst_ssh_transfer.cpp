// Uploads and downloads over scp and sftp against a real sshd: single files with progress
// and modes, directory trees with the trailing-slash rule and excludes, a 1 GiB file checked
// by sha256 on both ends, and (with KILN_BENCH_UPLOAD_FILE set) the upload benchmark that
// bench/upload.sh drives.

#include "engine/communicator/SshCommunicator.h"
#include "engine/communicator/SshConnector.h"
#include "support/SshServer.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace kiln;
using namespace kiln::comm;
using kiln::test::SshServer;

namespace {

QByteArray remoteOutput(Communicator &comm, const QString &command)
{
    RemoteCommand cmd;
    cmd.command = command;
    QByteArray out;
    cmd.onStdout = [&](const QByteArray &c) { out += c; };
    comm.run(cmd, build::CancelToken::create());
    return out;
}

void writeFile(const QString &path, const QByteArray &data, int mode = 0644)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(data);
    f.close();
    ::chmod(QFile::encodeName(path).constData(), mode_t(mode));
}

// Every file under `dir` as "relative/path mode size", sorted.
QStringList listing(Communicator &comm, const QString &dir)
{
    const QByteArray out = remoteOutput(comm,
        QStringLiteral(
            "cd '%1' && find . -mindepth 1 -printf '%P %m %s\\n' | sed 's/ [0-9]*$/ s/;' | sort")
            .arg(dir));
    QStringList lines = QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines;
}

QStringList localListing(const QString &dir)
{
    QByteArray out;
    SshServer::exec(QStringLiteral("sh"),
        {QStringLiteral("-c"),
            QStringLiteral("cd '%1' && find . -mindepth 1 -printf '%P %m %s\\n' | sed 's/ [0-9]*$/ "
                           "s/;' | sort")
                .arg(dir)},
        &out);
    return QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestSshTransfer : public QObject
{
    Q_OBJECT

    std::unique_ptr<SshCommunicator> connect(const QString &method)
    {
        SshConfig c;
        c.host = m_server.host();
        c.port = m_server.port();
        c.auth.username = SshServer::user();
        c.auth.privateKeyFile = m_server.clientKeyPath();
        c.timeoutMs = 5000;
        c.handshakeAttempts = 1;
        c.fileTransferMethod = method;
        QString error;
        auto comm = SshConnector(c).connect(nullptr, &error);
        if (!comm)
            qWarning() << error;
        return comm;
    }

    QString remote(const QString &name) const
    {
        return m_server.sharedDir() + QLatin1Char('/') + name;
    }

private slots:
    void initTestCase()
    {
        const QString why = SshServer::unavailableReason();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY(m_local.isValid());
    }

    void fileRoundTrip_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("sequential");
        QTest::newRow("scp") << "scp" << false;
        QTest::newRow("sftp") << "sftp" << false;
        QTest::newRow("scp, unknown size") << "scp" << true;
        QTest::newRow("sftp, unknown size") << "sftp" << true;
    }
    void fileRoundTrip()
    {
        QFETCH(QString, method);
        QFETCH(bool, sequential);
        auto comm = connect(method);
        QVERIFY(comm);
        QByteArray data;
        for (int i = 0; data.size() < 3 * 1024 * 1024 + 17; ++i)
            data += QByteArray::number(i * 7919) + ' ';
        QBuffer source(&data);
        source.open(QIODevice::ReadOnly);
        const QString path = remote(QStringLiteral("file-%1-%2").arg(method).arg(sequential));
        qint64 last = -1, lastTotal = 0;
        int calls = 0;
        const QString error = comm->upload(
            path, source, sequential ? -1 : data.size(), 0750,
            [&](qint64 done, qint64 total) {
                QVERIFY(done >= last);
                last = done;
                lastTotal = total;
                ++calls;
            },
            build::CancelToken::create());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(last, qint64(data.size()));
        // scp spools a source of unknown size to learn it; sftp streams it and cannot know.
        QCOMPARE(lastTotal,
            sequential && method == QLatin1String("sftp") ? qint64(-1) : qint64(data.size()));
        QVERIFY(calls >= 3);
        QCOMPARE(remoteOutput(*comm, QStringLiteral("stat -c '%a %U' ") + path),
            QByteArray("750 kilntest\n"));

        QByteArray back;
        QBuffer target(&back);
        target.open(QIODevice::WriteOnly);
        const QString derr = comm->download(path, target, {}, build::CancelToken::create());
        QVERIFY2(derr.isEmpty(), qPrintable(derr));
        QCOMPARE(back.size(), data.size());
        QVERIFY(back == data);
    }

    void errorsNameThePath_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("scp") << "scp";
        QTest::newRow("sftp") << "sftp";
    }
    void errorsNameThePath()
    {
        QFETCH(QString, method);
        auto comm = connect(method);
        QVERIFY(comm);
        QByteArray data("x");
        QBuffer source(&data);
        source.open(QIODevice::ReadOnly);
        QString error = comm->upload(
            QStringLiteral("/no/such/dir/f"), source, 1, 0644, {}, build::CancelToken::create());
        QVERIFY2(error.contains(QLatin1String("/no/such/dir/f")), qPrintable(error));
        QByteArray back;
        QBuffer target(&back);
        target.open(QIODevice::WriteOnly);
        error = comm->download(
            QStringLiteral("/no/such/file"), target, {}, build::CancelToken::create());
        QVERIFY2(error.contains(QLatin1String("/no/such/file")), qPrintable(error));
        // The connection survives a failed transfer.
        QCOMPARE(remoteOutput(*comm, QStringLiteral("echo ok")), QByteArray("ok\n"));
    }

    void directories_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("trailingSlash");
        QTest::newRow("scp src") << "scp" << false;
        QTest::newRow("scp src/") << "scp" << true;
        QTest::newRow("sftp src") << "sftp" << false;
        QTest::newRow("sftp src/") << "sftp" << true;
    }
    void directories()
    {
        QFETCH(QString, method);
        QFETCH(bool, trailingSlash);
        auto comm = connect(method);
        QVERIFY(comm);
        const QString tag = QStringLiteral("%1-%2").arg(method).arg(trailingSlash);
        const QString src = m_local.filePath(QStringLiteral("tree-") + tag);
        writeFile(src + QStringLiteral("/a.txt"), "alpha\n");
        writeFile(src + QStringLiteral("/run.sh"), "#!/bin/sh\n", 0755);
        writeFile(src + QStringLiteral("/sub/b.txt"), QByteArray(200000, 'b'), 0600);
        writeFile(src + QStringLiteral("/sub/deeper/c.txt"), "c");
        writeFile(src + QStringLiteral("/sub/skip.log"), "excluded");
        writeFile(src + QStringLiteral("/.hidden"), "h");
        QDir().mkpath(src + QStringLiteral("/empty"));
        const QString dst = remote(QStringLiteral("up-") + tag + QStringLiteral("/nested"));
        qint64 last = 0;
        QString error = comm->uploadDir(
            dst, trailingSlash ? src + QLatin1Char('/') : src, {QStringLiteral("sub/skip.log")},
            [&](qint64 done, qint64) { last = done; }, build::CancelToken::create());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(last, qint64(6 + 10 + 200000 + 1 + 1));
        const QString root = trailingSlash ? dst : dst + QStringLiteral("/tree-") + tag;
        const QStringList expected
            = {QStringLiteral(".hidden 644 s"), QStringLiteral("a.txt 644 s"),
                QStringLiteral("empty 755 s"), QStringLiteral("run.sh 755 s"),
                QStringLiteral("sub 755 s"), QStringLiteral("sub/b.txt 600 s"),
                QStringLiteral("sub/deeper 755 s"), QStringLiteral("sub/deeper/c.txt 644 s")};
        QCOMPARE(listing(*comm, root), expected);
        QCOMPARE(
            remoteOutput(*comm, QStringLiteral("cat '%1/sub/deeper/c.txt' '%1/a.txt'").arg(root)),
            QByteArray("calpha\n"));

        // And back: "dir/" lands its contents in the target, "dir" the directory itself.
        const QString down = m_local.filePath(QStringLiteral("down-") + tag);
        error = comm->downloadDir(trailingSlash ? root + QLatin1Char('/') : root, down,
            {QStringLiteral("sub/deeper")}, {}, build::CancelToken::create());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString landed
            = trailingSlash ? down : down + QLatin1Char('/') + QFileInfo(root).fileName();
        QStringList expectedBack = expected;
        expectedBack.removeAll(QStringLiteral("sub/deeper 755 s"));
        expectedBack.removeAll(QStringLiteral("sub/deeper/c.txt 644 s"));
        QCOMPARE(localListing(landed), expectedBack);
        QFile b(landed + QStringLiteral("/sub/b.txt"));
        QVERIFY(b.open(QIODevice::ReadOnly));
        QCOMPARE(b.readAll(), QByteArray(200000, 'b'));
    }

    void cancelUpload()
    {
        auto comm = connect(QStringLiteral("sftp"));
        QVERIFY(comm);
        const QString path = m_local.filePath(QStringLiteral("cancel.bin"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.resize(qint64(512) << 20);
        f.close();
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto cancel = build::CancelToken::create();
        QElapsedTimer t;
        t.start();
        const QString error = comm->upload(
            remote(QStringLiteral("cancel.bin")), f, f.size(), 0644,
            [&](qint64 done, qint64) {
                if (done > (8 << 20))
                    cancel->cancel();
            },
            cancel);
        QCOMPARE(error, QStringLiteral("cancelled"));
        QVERIFY(t.elapsed() < 5000);
        // The next call gets a fresh connection and works.
        QCOMPARE(remoteOutput(*comm, QStringLiteral("echo ok")), QByteArray("ok\n"));
    }

    void oneGiBSha256()
    {
        // One big file, both directions, checked on both ends; sparse so that creating it is
        // instant (the bytes still travel).
        auto comm = connect(QStringLiteral("sftp"));
        QVERIFY(comm);
        const QString path = m_local.filePath(QStringLiteral("big.bin"));
        QVERIFY(SshServer::exec(QStringLiteral("sh"),
                    {QStringLiteral("-c"),
                        QStringLiteral("truncate -s 1G '%1' && printf kiln | dd of='%1' bs=1 "
                                       "seek=123456789 conv=notrunc status=none && printf end | dd "
                                       "of='%1' bs=1 seek=1073741821 conv=notrunc status=none")
                            .arg(path)})
            == 0);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.size(), qint64(1) << 30);
        QElapsedTimer t;
        t.start();
        const QString target = remote(QStringLiteral("big.bin"));
        QString error = comm->upload(target, f, f.size(), 0644, {}, build::CancelToken::create());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const qint64 upMs = t.elapsed();
        QByteArray localSum;
        SshServer::exec(QStringLiteral("sha256sum"), {path}, &localSum);
        const QByteArray remoteSum = remoteOutput(*comm, QStringLiteral("sha256sum ") + target);
        QCOMPARE(remoteSum.left(64), localSum.left(64));

        auto scp = connect(QStringLiteral("scp"));
        QFile back(m_local.filePath(QStringLiteral("big.back")));
        QVERIFY(back.open(QIODevice::WriteOnly));
        t.restart();
        error = scp->download(target, back, {}, build::CancelToken::create());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        back.close();
        const qint64 downMs = t.elapsed();
        QByteArray backSum;
        SshServer::exec(QStringLiteral("sha256sum"), {back.fileName()}, &backSum);
        QCOMPARE(backSum.left(64), localSum.left(64));
        qInfo("1 GiB: sftp upload %.0f MB/s, scp download %.0f MB/s", 1073.741824 * 1000 / upMs,
            1073.741824 * 1000 / downMs);
        QFile::remove(back.fileName());
        remoteOutput(*comm, QStringLiteral("rm -f ") + target);
    }

private:
    SshServer m_server;
    QTemporaryDir m_local;
};

QTEST_GUILESS_MAIN(TestSshTransfer)
#include "tst_ssh_transfer.moc"
