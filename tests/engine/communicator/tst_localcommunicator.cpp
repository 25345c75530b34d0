#include "engine/communicator/LocalCommunicator.h"
#include "engine/communicator/NoneCommunicator.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <csignal>
#include <mutex>
#include <sys/stat.h>
#include <thread>

using namespace kiln;
using namespace kiln::comm;

namespace {

struct Captured
{
    std::mutex mutex;
    QByteArray out;
    QByteArray err;
    int outChunks = 0;
};

RemoteCommand capture(const QString &command, Captured &c)
{
    RemoteCommand cmd;
    cmd.command = command;
    cmd.onStdout = [&c](const QByteArray &chunk) {
        std::lock_guard lock(c.mutex);
        c.out += chunk;
        ++c.outChunks;
    };
    cmd.onStderr = [&c](const QByteArray &chunk) {
        std::lock_guard lock(c.mutex);
        c.err += chunk;
    };
    return cmd;
}

// Pids of processes whose command line contains `marker` (a uuid only this test uses).
QList<qint64> pidsWith(const QString &marker)
{
    QList<qint64> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &e : entries) {
        bool ok = false;
        const qint64 pid = e.toLongLong(&ok);
        if (!ok)
            continue;
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(e));
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(marker.toUtf8()))
            pids << pid;
    }
    return pids;
}

QString uniqueMarker()
{
    return QStringLiteral("kilntest") + QUuid::createUuid().toString(QUuid::Id128);
}

int modeOf(const QString &path)
{
    struct stat st;
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

void writeFile(const QString &path, const QByteArray &data, int mode)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
    f.close();
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(mode)), 0);
}

} // namespace

class TestLocalCommunicator : public QObject
{
    Q_OBJECT

private slots:
    void runsWithShellAndReportsExitStatus()
    {
        LocalCommunicator comm;
        QCOMPARE(comm.type(), QStringLiteral("local"));
        Captured c;
        const CommandResult r
            = comm.run(capture("echo out; echo err >&2; exit 3", c), build::CancelToken::create());
        QVERIFY(r.error.isEmpty());
        QVERIFY(!r.disconnected);
        QCOMPARE(r.exitStatus, 3);
        QCOMPARE(c.out, QByteArray("out\n"));
        QCOMPARE(c.err, QByteArray("err\n"));
    }

    void signalledCommandHasNoExitStatus()
    {
        LocalCommunicator comm;
        Captured c;
        const CommandResult r = comm.run(capture("echo before; kill -KILL $$", c), nullptr);
        QCOMPARE(r.exitStatus, -1);
        QVERIFY(r.error.isEmpty());
        QCOMPARE(c.out, QByteArray("before\n"));
    }

    void outputArrivesInChunks()
    {
        LocalCommunicator comm;
        Captured c;
        const CommandResult r
            = comm.run(capture("printf abc; sleep 0.2; printf 'def\\n'", c), nullptr);
        QCOMPARE(r.exitStatus, 0);
        QCOMPARE(c.out, QByteArray("abcdef\n"));
        QVERIFY2(c.outChunks >= 2, "the first chunk must not wait for the end of the line");
    }

    void stdinIsWrittenThenClosed()
    {
        LocalCommunicator comm;
        Captured c;
        RemoteCommand cmd = capture("wc -c", c);
        cmd.stdinData = QByteArray(1024 * 1024 + 7, 'x'); // larger than a pipe buffer
        QCOMPARE(comm.run(cmd, nullptr).exitStatus, 0);
        QCOMPARE(c.out.trimmed(), QByteArray("1048583"));

        Captured empty;
        QCOMPARE(comm.run(capture("cat; echo end", empty), nullptr).exitStatus, 0);
        QCOMPARE(empty.out, QByteArray("end\n"));
    }

    void stdinIgnoredByCommandDoesNotKillUs()
    {
        LocalCommunicator comm;
        Captured c;
        RemoteCommand cmd = capture("exec 0<&-; echo closed", c);
        cmd.stdinData = QByteArray(4 * 1024 * 1024, 'y');
        const CommandResult r = comm.run(cmd, nullptr);
        QCOMPARE(r.exitStatus, 0);
        QCOMPARE(c.out, QByteArray("closed\n"));
    }

    void environmentOverridesAndWorkingDirectory()
    {
        QTemporaryDir dir;
        LocalCommunicator comm;
        comm.setEnv("KILN_A", "it's \"quoted\"");
        comm.setEnv("HOME", "/nowhere");
        comm.unsetEnv("KILN_UNSET_ME");
        comm.setWorkingDirectory(dir.path());
        qputenv("KILN_UNSET_ME", "visible");
        Captured c;
        QCOMPARE(comm.run(capture("printf '%s|%s|%s|%s' \"$KILN_A\" \"$HOME\" "
                                  "\"${KILN_UNSET_ME-unset}\" \"$(pwd -P)\"",
                              c),
                         nullptr)
                     .exitStatus,
            0);
        qunsetenv("KILN_UNSET_ME");
        QCOMPARE(QString::fromUtf8(c.out),
            QStringLiteral("it's \"quoted\"|/nowhere|unset|%1")
                .arg(QDir(dir.path()).canonicalPath()));
        QCOMPARE(comm.envOverrides().value("KILN_A"), QStringLiteral("it's \"quoted\""));
    }

    void argvRunsWithoutShell()
    {
        LocalCommunicator comm;
        Captured c;
        const CommandResult r
            = comm.runArgv({"printf", "%s|", "a b", "$HOME"}, capture({}, c), nullptr);
        QCOMPARE(r.exitStatus, 0);
        QCOMPARE(c.out, QByteArray("a b|$HOME|"));
    }

    void startFailuresUseGoWording()
    {
        LocalCommunicator comm;
        Captured c;
        CommandResult r = comm.runArgv({"/nonexistent/kiln-x"}, capture({}, c), nullptr);
        QCOMPARE(
            r.error, QStringLiteral("fork/exec /nonexistent/kiln-x: no such file or directory"));
        QCOMPARE(r.exitStatus, -1);
        r = comm.runArgv({"kiln-no-such-program"}, capture({}, c), nullptr);
        QCOMPARE(r.error,
            QStringLiteral("exec: \"kiln-no-such-program\": executable file not found in $PATH"));
    }

    void cancelKillsTheWholeProcessGroup()
    {
        const QString marker = uniqueMarker();
        LocalCommunicator comm;
        auto cancel = build::CancelToken::create();
        Captured c;
        // The children are shells that outlive their `sleep`s' parent only if the group
        // is not signalled as a whole.
        const QString script = QStringLiteral(
            "sh -c 'sleep 1000; : %1' & sh -c 'sleep 1000; : %1' & echo started; wait")
                                   .arg(marker);
        std::thread canceller([&] {
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < 5000) {
                {
                    std::lock_guard lock(c.mutex);
                    if (c.out.contains("started"))
                        break;
                }
                QThread::msleep(10);
            }
            QThread::msleep(100);
            cancel->cancel();
        });
        QElapsedTimer clock;
        clock.start();
        const CommandResult r = comm.run(capture(script, c), cancel);
        canceller.join();
        QCOMPARE(r.error, QStringLiteral("cancelled"));
        QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
        QTRY_VERIFY_WITH_TIMEOUT(pidsWith(marker).isEmpty(), 2000);
    }

    void cancelEscalatesToKillAfterGracePeriod()
    {
        const QString marker = uniqueMarker();
        LocalCommunicator comm;
        comm.setKillGracePeriodMs(300);
        auto cancel = build::CancelToken::create();
        Captured c;
        const QString script = QStringLiteral(
            "trap '' TERM; sh -c \"trap '' TERM; sleep 1000; : %1\" & echo started; wait")
                                   .arg(marker);
        std::thread canceller([&] {
            QThread::msleep(300);
            cancel->cancel();
        });
        QElapsedTimer clock;
        clock.start();
        const CommandResult r = comm.run(capture(script, c), cancel);
        canceller.join();
        QCOMPARE(r.error, QStringLiteral("cancelled"));
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QTRY_VERIFY_WITH_TIMEOUT(pidsWith(marker).isEmpty(), 2000);
    }

    void alreadyCancelledDoesNotStart()
    {
        QTemporaryDir dir;
        LocalCommunicator comm;
        auto cancel = build::CancelToken::create();
        cancel->cancel();
        Captured c;
        const CommandResult r
            = comm.run(capture(QStringLiteral("touch %1/ran").arg(dir.path()), c), cancel);
        QCOMPARE(r.error, QStringLiteral("cancelled"));
        QVERIFY(!QFile::exists(dir.filePath("ran")));
    }

    void backgroundChildDoesNotBlockReturn()
    {
        const QString marker = uniqueMarker();
        LocalCommunicator comm;
        Captured c;
        QElapsedTimer clock;
        clock.start();
        const CommandResult r = comm.run(
            capture(QStringLiteral("sh -c 'sleep 1000; : %1' & echo done").arg(marker), c),
            nullptr);
        const qint64 took = clock.elapsed();
        for (qint64 pid : pidsWith(marker))
            ::kill(pid_t(pid), SIGKILL);
        QCOMPARE(r.exitStatus, 0);
        QCOMPARE(c.out, QByteArray("done\n"));
        QVERIFY2(took < 3000, qPrintable(QString::number(took)));
    }

    void uploadStreamsWithModeAndProgress()
    {
        QTemporaryDir dir;
        LocalCommunicator comm;
        QByteArray data(300 * 1024 + 5, 'a');
        QBuffer source(&data);
        source.open(QIODevice::ReadOnly);
        QList<qint64> seen;
        const QString target = dir.filePath("up.bin");
        const QString err = comm.upload(
            target, source, data.size(), 0600,
            [&](qint64 done, qint64 total) {
                QCOMPARE(total, qint64(data.size()));
                seen << done;
            },
            nullptr);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QFile f(target);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), data);
        QCOMPARE(modeOf(target), 0600);
        QVERIFY(seen.size() >= 5);
        QCOMPARE(seen.last(), qint64(data.size()));

        QByteArray small("#!/bin/sh\n");
        QBuffer s2(&small);
        s2.open(QIODevice::ReadOnly);
        QVERIFY(comm.upload(target, s2, -1, 0, {}, nullptr).isEmpty());
        QCOMPARE(modeOf(target), 0644);
        QCOMPARE(QFileInfo(target).size(), small.size());
    }

    void uploadErrors()
    {
        LocalCommunicator comm;
        QByteArray data("x");
        QBuffer source(&data);
        source.open(QIODevice::ReadOnly);
        QCOMPARE(comm.upload("/nonexistent-kiln/dir/file", source, -1, 0644, {}, nullptr),
            QStringLiteral("open /nonexistent-kiln/dir/file: no such file or directory"));

        QTemporaryDir dir;
        auto cancel = build::CancelToken::create();
        cancel->cancel();
        QCOMPARE(comm.upload(dir.filePath("c"), source, -1, 0644, {}, cancel),
            QStringLiteral("cancelled"));
    }

    void downloadStreams()
    {
        QTemporaryDir dir;
        const QByteArray data(200 * 1024, 'z');
        writeFile(dir.filePath("remote"), data, 0640);
        LocalCommunicator comm;
        QByteArray got;
        QBuffer target(&got);
        target.open(QIODevice::WriteOnly);
        qint64 last = 0;
        QVERIFY(comm.download(
                        dir.filePath("remote"), target, [&](qint64 done, qint64) { last = done; },
                        nullptr)
                    .isEmpty());
        QCOMPARE(got, data);
        QCOMPARE(last, qint64(data.size()));
        QCOMPARE(comm.download(dir.filePath("missing"), target, {}, nullptr),
            QStringLiteral("open %1: no such file or directory").arg(dir.filePath("missing")));
    }

    void directoryTrailingSlashRule_data()
    {
        QTest::addColumn<bool>("download");
        QTest::addColumn<bool>("trailingSlash");
        QTest::newRow("upload src") << false << false;
        QTest::newRow("upload src/") << false << true;
        QTest::newRow("download src") << true << false;
        QTest::newRow("download src/") << true << true;
    }

    void directoryTrailingSlashRule()
    {
        QFETCH(bool, download);
        QFETCH(bool, trailingSlash);
        QTemporaryDir dir;
        const QString src = dir.filePath("src");
        QVERIFY(QDir().mkpath(src + "/sub/deeper"));
        QVERIFY(QDir().mkpath(src + "/skipme"));
        writeFile(src + "/run.sh", "#!/bin/sh\necho hi\n", 0750);
        writeFile(src + "/.hidden", "h", 0600);
        writeFile(src + "/sub/deeper/data", QByteArray(100 * 1024, 'd'), 0644);
        writeFile(src + "/skipme/x", "x", 0644);
        writeFile(src + "/sub/notme", "n", 0644);
        QVERIFY(QFile::link("run.sh", src + "/link"));

        LocalCommunicator comm;
        const QString dst = dir.filePath("dst/nested");
        const QString from = trailingSlash ? src + "/" : src;
        qint64 last = 0;
        const QStringList exclude{"skipme", "sub/notme"};
        auto progress = [&](qint64 done, qint64) { last = done; };
        const QString err = download ? comm.downloadDir(from, dst, exclude, progress, nullptr)
                                     : comm.uploadDir(dst, from, exclude, progress, nullptr);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString root = trailingSlash ? dst : dst + "/src";
        QVERIFY(QFileInfo(root + "/sub/deeper/data").isFile());
        QCOMPARE(QFileInfo(root + "/sub/deeper/data").size(), 100 * 1024);
        QCOMPARE(modeOf(root + "/run.sh"), 0750);
        QCOMPARE(modeOf(root + "/.hidden"), 0600);
        QCOMPARE(QFileInfo(root + "/link").symLinkTarget(),
            QFileInfo(root + "/run.sh").absoluteFilePath());
        QVERIFY(!QFileInfo::exists(root + "/skipme"));
        QVERIFY(!QFileInfo::exists(root + "/sub/notme"));
        QCOMPARE(QFileInfo::exists(dst + "/src"), !trailingSlash);
        QVERIFY(last >= 100 * 1024);
    }

    void directoryErrors()
    {
        QTemporaryDir dir;
        LocalCommunicator comm;
        QCOMPARE(comm.uploadDir(dir.filePath("d"), dir.filePath("missing"), {}, {}, nullptr),
            QStringLiteral("stat %1: no such file or directory").arg(dir.filePath("missing")));
    }

    void noneCommunicatorUsesPackersWording()
    {
        NoneCommunicator none;
        QCOMPARE(none.type(), QStringLiteral("none"));
        QByteArray data;
        QBuffer buf(&data);
        buf.open(QIODevice::ReadWrite);
        QCOMPARE(none.upload("/tmp/x", buf, -1, 0644, {}, nullptr),
            QStringLiteral("Upload is not implemented when communicator = 'none'"));
        QCOMPARE(none.uploadDir("/tmp/x", "/tmp/y", {}, {}, nullptr),
            QStringLiteral("UploadDir is not implemented when communicator = 'none'"));
        QCOMPARE(none.download("/tmp/x", buf, {}, nullptr),
            QStringLiteral("Download is not implemented when communicator = 'none'"));
        QCOMPARE(none.downloadDir("/tmp/x", "/tmp/y", {}, {}, nullptr),
            QStringLiteral("DownloadDir is not implemented when communicator = 'none'"));
        // Packer's none communicator reports a command as exited with 0 without running it.
        RemoteCommand cmd;
        cmd.command = "exit 7";
        const CommandResult r = none.run(cmd, nullptr);
        QCOMPARE(r.exitStatus, 0);
        QVERIFY(r.ok());
    }
};

QTEST_GUILESS_MAIN(TestLocalCommunicator)
#include "tst_localcommunicator.moc"
