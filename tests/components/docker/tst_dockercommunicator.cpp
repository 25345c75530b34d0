// The docker communicator against containers of a real dockerd: exec output demultiplexing,
// exit codes, stdin (up front, and streamed through `docker exec -i`), users, uploads and
// downloads through the archive endpoints, cancel.
#include "components/shared/docker/DockerClient.h"
#include "components/shared/docker/DockerCommunicator.h"
#include "engine/communicator/StdinTestSources.h"
#include "support/DockerDaemon.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <thread>

using namespace kiln;
namespace docker = kiln::components::docker;

class TestDockerCommunicator : public QObject
{
    Q_OBJECT

private:
    test::DockerDaemon m_daemon;
    QTemporaryDir m_shared;
    QTemporaryDir m_local;
    QString m_container;

    docker::DockerClient client() const
    {
        return docker::DockerClient(
            docker::DockerEndpoint::parse(m_daemon.dockerHost(), false, {}));
    }

    docker::DockerCommunicator comm(const QString &execUser = {}, const QString &containerUser = {},
        bool fixOwner = true, bool pty = false)
    {
        docker::DockerCommunicator::Options o;
        o.containerId = m_container;
        o.hostDir = m_shared.path();
        o.containerDir = QStringLiteral("/packer-files");
        o.execUser = execUser;
        o.containerUser = containerUser;
        o.fixUploadOwner = fixOwner;
        o.pty = pty;
        return docker::DockerCommunicator(client(), o);
    }

    // Runs and returns stdout; *err gets stderr.
    QByteArray run(docker::DockerCommunicator &c, const QString &command, int *status = nullptr,
        QByteArray *err = nullptr, const QByteArray &input = {})
    {
        QByteArray out, errors;
        comm::RemoteCommand cmd;
        cmd.command = command;
        cmd.onStdout = [&out](const QByteArray &b) { out += b; };
        cmd.onStderr = [&errors](const QByteArray &b) { errors += b; };
        cmd.stdinData = input;
        const comm::CommandResult r = c.run(cmd, build::CancelToken::create());
        if (status)
            *status = r.ok() ? r.exitStatus : -100;
        if (err)
            *err = errors;
        return out;
    }

    // Streamed stdin goes through the docker CLI; the other tests need none.
    void skipWithoutCli()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("docker")).isEmpty())
            QSKIP("the docker CLI is not installed");
    }

    comm::CommandResult runStreamed(docker::DockerCommunicator &c, const QString &command,
        comm::StdinSource *source, const comm::OutputFn &onStdout,
        const build::CancelTokenPtr &cancel = build::CancelToken::create())
    {
        comm::RemoteCommand cmd;
        cmd.command = command;
        cmd.stdinSource = source;
        cmd.onStdout = onStdout;
        cmd.onStderr = [](const QByteArray &b) { qWarning("stderr: %s", b.constData()); };
        return c.run(cmd, cancel);
    }

private slots:
    void initTestCase()
    {
        const QString reason = test::DockerDaemon::unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        QString error;
        QVERIFY2(m_daemon.start(&error), qPrintable(error));
        QVERIFY2(m_daemon.importBusybox(&error), qPrintable(error));
        QJsonObject body{{QStringLiteral("Image"), test::DockerDaemon::busyboxImage()},
            {QStringLiteral("Entrypoint"), QJsonArray{QStringLiteral("/bin/sh")}},
            {QStringLiteral("Tty"), true}, {QStringLiteral("OpenStdin"), true},
            {QStringLiteral("HostConfig"),
                QJsonObject{{QStringLiteral("Binds"),
                    QJsonArray{m_shared.path() + QStringLiteral(":/packer-files")}}}}};
        QCOMPARE(client().createContainer(body, {}, {}, &m_container, nullptr), QString());
        QCOMPARE(client().startContainer(m_container, nullptr), QString());
    }

    void cleanupTestCase()
    {
        if (!m_container.isEmpty())
            client().removeContainer(m_container, true, nullptr);
    }

    void outputAndStatus()
    {
        auto c = comm();
        QCOMPARE(c.type(), QStringLiteral("docker"));
        int status = -1;
        QByteArray err;
        const QByteArray out
            = run(c, QStringLiteral("echo out; echo err >&2; echo more; exit 42"), &status, &err);
        QCOMPARE(out, QByteArray("out\nmore\n"));
        QCOMPARE(err, QByteArray("err\n"));
        QCOMPARE(status, 42);
        QCOMPARE(run(c, QStringLiteral("true"), &status), QByteArray());
        QCOMPARE(status, 0);
    }

    void largeOutputIsIntact()
    {
        auto c = comm();
        int status = -1;
        const QByteArray out = run(c,
            QStringLiteral("dd if=/dev/zero bs=1024 count=3000 2>/dev/null | tr '\\0' x"), &status);
        QCOMPARE(status, 0);
        QCOMPARE(out.size(), 3000 * 1024);
        QCOMPARE(out.count('x'), 3000 * 1024);
    }

    void stdinIsFed()
    {
        auto c = comm();
        int status = -1;
        QCOMPARE(
            run(c, QStringLiteral("wc -c; cat"), &status, nullptr, QByteArray("hello input\n")),
            QByteArray("12\n"));
        QCOMPARE(status, 0);
    }

    void ptyIsRaw()
    {
        // With a TTY the daemon sends one raw stream: stderr arrives on stdout.
        auto c = comm({}, {}, true, true);
        int status = -1;
        QByteArray err;
        const QByteArray out = run(c, QStringLiteral("tty; echo err >&2; exit 3"), &status, &err);
        QVERIFY2(out.startsWith("/dev/pts/"), out.constData());
        QVERIFY(out.contains("err"));
        QVERIFY(err.isEmpty());
        QCOMPARE(status, 3);
    }

    void execUser()
    {
        auto c = comm(QStringLiteral("65534:65534"));
        int status = -1;
        QCOMPARE(run(c, QStringLiteral("id -u; id -g"), &status), QByteArray("65534\n65534\n"));
        QCOMPARE(status, 0);
    }

    void uploadAndDownload()
    {
        auto c = comm();
        QByteArray data;
        for (int i = 0; i < 200000; ++i)
            data += QByteArray::number(i) + '\n';
        QBuffer source(&data);
        source.open(QIODevice::ReadOnly);
        qint64 lastDone = 0;
        QCOMPARE(c.upload(
                     QStringLiteral("/tmp/up.txt"), source, data.size(), 0750,
                     [&lastDone](qint64 done, qint64) { lastDone = done; },
                     build::CancelToken::create()),
            QString());
        QVERIFY(lastDone >= data.size());
        int status = -1;
        QCOMPARE(
            run(c,
                QStringLiteral("stat -c '%a %u' /tmp/up.txt; md5sum < /tmp/up.txt | cut -d' ' -f1"),
                &status),
            QByteArray("750 0\n") + QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex()
                + '\n');

        QBuffer target;
        target.open(QIODevice::WriteOnly);
        QCOMPARE(
            c.download(QStringLiteral("/tmp/up.txt"), target, {}, build::CancelToken::create()),
            QString());
        QCOMPARE(target.data(), data);

        // Unknown size: spooled, then sent.
        QByteArray small("streamed\n");
        QBuffer unknown(&small);
        unknown.open(QIODevice::ReadOnly);
        QCOMPARE(c.upload(QStringLiteral("/tmp/unknown.txt"), unknown, -1, 0644, {},
                     build::CancelToken::create()),
            QString());
        QCOMPARE(run(c, QStringLiteral("cat /tmp/unknown.txt")), small);

        QBuffer none;
        none.open(QIODevice::WriteOnly);
        const QString error
            = c.download(QStringLiteral("/tmp/absent"), none, {}, build::CancelToken::create());
        QVERIFY2(
            error.startsWith(QLatin1String("Error downloading file: Error response from daemon: ")),
            qPrintable(error));
    }

    void fixUploadOwner()
    {
        QByteArray data("owned\n");
        QBuffer source(&data);
        source.open(QIODevice::ReadOnly);
        auto owned = comm({}, QStringLiteral("nobody"));
        QCOMPARE(owned.upload(QStringLiteral("/tmp/owned"), source, data.size(), 0644, {},
                     build::CancelToken::create()),
            QString());
        QCOMPARE(run(owned, QStringLiteral("stat -c %u /tmp/owned")), QByteArray("65534\n"));
        source.seek(0);
        auto plain = comm({}, QStringLiteral("nobody"), false);
        QCOMPARE(plain.upload(QStringLiteral("/tmp/unowned"), source, data.size(), 0644, {},
                     build::CancelToken::create()),
            QString());
        QCOMPARE(run(plain, QStringLiteral("stat -c %u /tmp/unowned")), QByteArray("0\n"));
    }

    void uploadDirTrailingSlashRule()
    {
        const QString src = m_local.filePath(QStringLiteral("tree"));
        QDir().mkpath(src + QStringLiteral("/sub/deeper"));
        auto write = [](const QString &path, const QByteArray &data) {
            QFile f(path);
            f.open(QIODevice::WriteOnly);
            f.write(data);
        };
        write(src + QStringLiteral("/a.txt"), "a\n");
        write(src + QStringLiteral("/sub/b.txt"), "b\n");
        write(src + QStringLiteral("/sub/deeper/c.txt"), "c\n");
        write(src + QStringLiteral("/skip.me"), "no\n");
        QFile::link(QStringLiteral("a.txt"), src + QStringLiteral("/link"));
        auto c = comm();
        auto token = build::CancelToken::create();
        QCOMPARE(c.uploadDir(QStringLiteral("/tmp/contents"), src + QLatin1Char('/'),
                     {QStringLiteral("skip.me")}, {}, token),
            QString());
        QCOMPARE(c.uploadDir(QStringLiteral("/tmp/itself"), src, {}, {}, token), QString());
        QCOMPARE(
            run(c,
                QStringLiteral(
                    "cd /tmp/contents && find . | sort && readlink link && cat sub/deeper/c.txt")),
            QByteArray(".\n./a.txt\n./link\n./sub\n./sub/b.txt\n./sub/deeper\n./sub/deeper/"
                       "c.txt\na.txt\nc\n"));
        QCOMPARE(run(c, QStringLiteral("cd /tmp/itself && find . | sort")),
            QByteArray(".\n./tree\n./tree/a.txt\n./tree/link\n./tree/skip.me\n./tree/sub\n./tree/"
                       "sub/b.txt\n"
                       "./tree/sub/deeper\n./tree/sub/deeper/c.txt\n"));

        const QString back = m_local.filePath(QStringLiteral("back"));
        QCOMPARE(c.downloadDir(QStringLiteral("/tmp/contents/"), back,
                     {QStringLiteral("sub/b.txt")}, {}, token),
            QString());
        QFile c1(back + QStringLiteral("/sub/deeper/c.txt"));
        QVERIFY(c1.open(QIODevice::ReadOnly));
        QCOMPARE(c1.readAll(), QByteArray("c\n"));
        QVERIFY(QFile::exists(back + QStringLiteral("/a.txt")));
        QVERIFY(!QFile::exists(back + QStringLiteral("/sub/b.txt")));
        QVERIFY(!QFile::exists(back + QStringLiteral("/contents")));
    }

    void cancelStopsACommand()
    {
        auto c = comm();
        auto token = build::CancelToken::create();
        std::thread canceller([token] {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            token->cancel();
        });
        QElapsedTimer timer;
        timer.start();
        comm::RemoteCommand cmd;
        cmd.command = QStringLiteral("sleep 30");
        const comm::CommandResult r = c.run(cmd, token);
        canceller.join();
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(r.error, QStringLiteral("cancelled"));
    }

    void streamedStdinIsHashed()
    {
        skipWithoutCli();
        auto c = comm();
        test::GeneratedStdin source(6 * 1024 * 1024 + 99);
        QByteArray out;
        const comm::CommandResult r = runStreamed(
            c, QStringLiteral("sha256sum"), &source, [&out](const QByteArray &b) { out += b; });
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.exitStatus, 0);
        QCOMPARE(out.left(64), source.hexDigest());
    }

    void streamedStdinEchoesBothWays()
    {
        skipWithoutCli();
        auto c = comm();
        const qint64 size = 20 * 1024 * 1024;
        test::GeneratedStdin source(size);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        qint64 outSize = 0;
        const comm::CommandResult r
            = runStreamed(c, QStringLiteral("cat"), &source, [&](const QByteArray &b) {
                  hash.addData(b);
                  outSize += b.size();
              });
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(outSize, size);
        QCOMPARE(hash.result().toHex(), source.hexDigest());
    }

    void streamedStdinRequestResponse()
    {
        skipWithoutCli();
        auto c = comm(QStringLiteral("65534:65534"));
        test::LockstepStdin source(100);
        const comm::CommandResult r = runStreamed(c, QStringLiteral("id -u; cat"), &source,
            [&source](const QByteArray &b) { source.received(b); });
        QVERIFY2(r.ok(), qPrintable(r.error));
        QByteArray expected("65534\n");
        for (int i = 0; i < 100; ++i)
            expected += test::LockstepStdin::line(i);
        QCOMPARE(source.output(), expected);
    }

    void streamedStdinCancel()
    {
        skipWithoutCli();
        auto c = comm();
        test::StalledStdin source("partial\n");
        auto token = build::CancelToken::create();
        std::atomic<bool> echoed{false};
        std::thread canceller([&] {
            QElapsedTimer wait;
            wait.start();
            while (!echoed.load() && wait.elapsed() < 20000)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            token->cancel();
        });
        QElapsedTimer timer;
        timer.start();
        const comm::CommandResult r = runStreamed(
            c, QStringLiteral("cat; echo never"), &source,
            [&](const QByteArray &b) {
                if (b.contains("partial"))
                    echoed.store(true);
            },
            token);
        canceller.join();
        QVERIFY(echoed.load());
        QCOMPARE(r.error, QStringLiteral("cancelled"));
        QVERIFY(source.aborted());
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    }

    void endpointParsing_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("socket");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("error");
        QTest::newRow("default") << QString() << false << QStringLiteral("/var/run/docker.sock")
                                 << QStringLiteral("http://docker") << QString();
        QTest::newRow("unix") << QStringLiteral("unix:///run/x.sock") << false
                              << QStringLiteral("/run/x.sock") << QStringLiteral("http://docker")
                              << QString();
        QTest::newRow("tcp") << QStringLiteral("tcp://10.0.0.1:2375") << false << QString()
                             << QStringLiteral("http://10.0.0.1:2375") << QString();
        QTest::newRow("tcp default port") << QStringLiteral("tcp://host") << false << QString()
                                          << QStringLiteral("http://host:2375") << QString();
        QTest::newRow("tcp tls") << QStringLiteral("tcp://host") << true << QString()
                                 << QStringLiteral("https://host:2376") << QString();
        QTest::newRow("bad") << QStringLiteral("ssh://host") << false << QString() << QString()
                             << QStringLiteral("unable to parse docker host `ssh://host`");
    }
    void endpointParsing()
    {
        QFETCH(QString, host);
        QFETCH(bool, tls);
        QFETCH(QString, socket);
        QFETCH(QString, url);
        QFETCH(QString, error);
        const docker::DockerEndpoint e
            = docker::DockerEndpoint::parse(host, tls, QStringLiteral("/certs"));
        QCOMPARE(e.unixSocket, socket);
        QCOMPARE(e.baseUrl, url);
        QCOMPARE(e.error, error);
    }
};

QTEST_GUILESS_MAIN(TestDockerCommunicator)
#include "tst_dockercommunicator.moc"
