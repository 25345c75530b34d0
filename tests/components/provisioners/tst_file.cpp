#include "components/Descriptors.h"
#include "components/provisioners/file/FileProvisioner.h"
#include "components/provisioners/file/GoFilePath.h"
#include "components/provisioners/file/TransferProgress.h"
#include "engine/build/BuildContext.h"
#include "engine/communicator/LocalCommunicator.h"
#include "engine/communicator/NoneCommunicator.h"
#include "engine/communicator/SshCommunicator.h"
#include "engine/communicator/SshConnector.h"
#include "support/SshServer.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace kiln;
using namespace kiln::components;
using build::BuildEvent;
using hcl::Value;

namespace {

class Recorder : public build::EventSink
{
public:
    void post(const BuildEvent &e) override
    {
        QMutexLocker lock(&m_mutex);
        m_events << e;
    }
    QStringList texts(BuildEvent::Kind kind) const
    {
        QMutexLocker lock(&m_mutex);
        QStringList out;
        for (const auto &e : m_events)
            if (e.kind == kind)
                out << e.text;
        return out;
    }
    QList<BuildEvent> progress() const
    {
        QMutexLocker lock(&m_mutex);
        QList<BuildEvent> out;
        for (const auto &e : m_events)
            if (e.kind == BuildEvent::Kind::Progress)
                out << e;
        return out;
    }

private:
    mutable QMutex m_mutex;
    QList<BuildEvent> m_events;
};

struct Run
{
    Recorder sink;
    build::BuildContext ctx;
    Run()
    {
        ctx.name = QStringLiteral("null.test");
        ctx.ui = build::BuildUi(ctx.name, &sink, nullptr);
        ctx.cancel = build::CancelToken::create();
    }
};

build::ComponentConfig config(const QMap<QString, Value> &attrs)
{
    return build::ComponentConfig(Value::object(attrs));
}

Value str(const QString &s)
{
    return Value::string(s);
}

void writeFile(const QString &path, const QByteArray &data, int mode = 0644)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
    f.close();
    ::chmod(QFile::encodeName(path).constData(), mode_t(mode));
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

int modeOf(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

// Byte-for-byte comparison in chunks (cheaper than hashing two large files).
bool sameContents(const QString &a, const QString &b)
{
    QFile fa(a), fb(b);
    if (!fa.open(QIODevice::ReadOnly) || !fb.open(QIODevice::ReadOnly) || fa.size() != fb.size())
        return false;
    while (!fa.atEnd())
        if (fa.read(1 << 20) != fb.read(1 << 20))
            return false;
    return true;
}

long peakRssKb()
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// Prepares and provisions over a real LocalCommunicator; returns the error.
QString provision(Run &run, const QMap<QString, Value> &attrs, comm::Communicator *comm = nullptr)
{
    FileProvisioner p;
    const auto prepared = p.prepare(config(attrs));
    if (!prepared.ok())
        return QStringLiteral("prepare: ") + prepared.errors.join(QStringLiteral("; "));
    comm::LocalCommunicator local;
    return p.provision(run.ctx, comm ? *comm : local);
}

} // namespace

class TestFileProvisioner : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void descriptorCreatesRunnableComponent();
    void prepareErrors_data();
    void prepareErrors();
    void uploadFile();
    void uploadFileIntoDirectory();
    void uploadDirectory_data();
    void uploadDirectory();
    void uploadSources();
    void uploadContent_data();
    void uploadContent();
    void generatedSourceIsCheckedAtProvisionTime();
    void downloadFile_data();
    void downloadFile();
    void downloadDirectory();
    void downloadMissingFile();
    void buildTemplatesRenderAtProvisionTime();
    void noneCommunicatorFails();
    void cancelledBeforeTransfer();
    void largeFileIsStreamedWithProgress();
    void overSsh_data();
    void overSsh();
    void progressIsThinned();
    void goPaths_data();
    void goPaths();

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString path(const QString &rel) const { return m_tmp->filePath(rel); }
};

void TestFileProvisioner::init()
{
    const QString base = qEnvironmentVariable("KILN_TEST_TMP");
    if (!base.isEmpty())
        QDir().mkpath(base);
    m_tmp = std::make_unique<QTemporaryDir>(base.isEmpty()
            ? QDir::tempPath() + QStringLiteral("/kiln-file-XXXXXX")
            : base + QStringLiteral("/kiln-file-XXXXXX"));
    QVERIFY(m_tmp->isValid());
}

void TestFileProvisioner::descriptorCreatesRunnableComponent()
{
    const auto d = fileProvisionerDescriptor();
    QVERIFY(d.create);
    QVERIFY(dynamic_cast<FileProvisioner *>(d.create().get()));
}

void TestFileProvisioner::prepareErrors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("destination");
    QTest::addColumn<QString>("direction");
    QTest::addColumn<bool>("generated");
    QTest::addColumn<QStringList>("errors");
    QTest::newRow("ok") << "exists.txt"
                        << ""
                        << "/tmp/x"
                        << "" << false << QStringList();
    QTest::newRow("missing source")
        << "nope.txt"
        << ""
        << "/tmp/x"
        << "" << false
        << QStringList{"Bad source 'DIR/nope.txt': stat DIR/nope.txt: no such file or directory"};
    QTest::newRow("not a directory")
        << "exists.txt/inner"
        << ""
        << "/tmp/x"
        << "" << false
        << QStringList{
               "Bad source 'DIR/exists.txt/inner': stat DIR/exists.txt/inner: not a directory"};
    QTest::newRow("generated skips the check") << "nope.txt"
                                               << ""
                                               << "/tmp/x"
                                               << "" << true << QStringList();
    QTest::newRow("download skips the check") << "nope.txt"
                                              << ""
                                              << "/tmp/x"
                                              << "download" << false << QStringList();
    QTest::newRow("bad direction")
        << "exists.txt"
        << ""
        << "/tmp/x"
        << "sideways" << false << QStringList{"Direction must be one of: download, upload."};
    QTest::newRow("conflict") << "exists.txt"
                              << "text"
                              << "/tmp/x"
                              << "" << false << QStringList{"source(s) conflicts with content."};
    QTest::newRow("no destination") << ""
                                    << "text"
                                    << ""
                                    << "" << false << QStringList{"Destination must be specified."};
    QTest::newRow("all at once") << "nope.txt"
                                 << "text"
                                 << ""
                                 << "up" << false
                                 << QStringList{"Direction must be one of: download, upload.",
                                        "source(s) conflicts with content.",
                                        "Destination must be specified."};
}

void TestFileProvisioner::prepareErrors()
{
    QFETCH(QString, source);
    QFETCH(QString, content);
    QFETCH(QString, destination);
    QFETCH(QString, direction);
    QFETCH(bool, generated);
    QFETCH(QStringList, errors);
    writeFile(path("exists.txt"), "x");
    QMap<QString, Value> attrs;
    if (!source.isEmpty())
        attrs.insert(QStringLiteral("source"), str(path(source)));
    if (!content.isEmpty())
        attrs.insert(QStringLiteral("content"), str(content));
    if (!destination.isEmpty())
        attrs.insert(QStringLiteral("destination"), str(destination));
    if (!direction.isEmpty())
        attrs.insert(QStringLiteral("direction"), str(direction));
    attrs.insert(QStringLiteral("generated"), Value::boolean(generated));
    FileProvisioner p;
    QCOMPARE(p.prepare(config(attrs)).errors.replaceInStrings(m_tmp->path(), QStringLiteral("DIR")),
        errors);
}

void TestFileProvisioner::uploadFile()
{
    writeFile(path("src/app.conf"), "key = value\n", 0750);
    Run run;
    const QString error = provision(
        run, {{"source", str(path("src/app.conf"))}, {"destination", str(path("dst.conf"))}});
    QCOMPARE(error, QString());
    QCOMPARE(readFile(path("dst.conf")), QByteArray("key = value\n"));
    QCOMPARE(modeOf(path("dst.conf")), 0750);
    QCOMPARE(run.sink.texts(BuildEvent::Kind::Say),
        QStringList{
            QStringLiteral("Uploading %1 => %2").arg(path("src/app.conf"), path("dst.conf"))});
    const auto progress = run.sink.progress();
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().text, QStringLiteral("app.conf"));
    QCOMPARE(progress.last().bytes, 12);
    QCOMPARE(progress.last().total, 12);
}

void TestFileProvisioner::uploadFileIntoDirectory()
{
    writeFile(path("a.txt"), "A");
    QDir().mkpath(path("remote"));
    Run run;
    QCOMPARE(provision(
                 run, {{"source", str(path("a.txt"))}, {"destination", str(path("remote") + "/")}}),
        QString());
    QCOMPARE(readFile(path("remote/a.txt")), QByteArray("A"));
    // The message shows the destination as written.
    QCOMPARE(run.sink.texts(BuildEvent::Kind::Say).value(0),
        QStringLiteral("Uploading %1 => %2/").arg(path("a.txt"), path("remote")));
}

void TestFileProvisioner::uploadDirectory_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expectedRoot");
    // rsync's rule, as Packer documents it: "dir" lands as destination/dir, "dir/" spills
    // its contents into destination.
    QTest::newRow("no trailing slash") << "tree"
                                       << "remote/tree";
    QTest::newRow("trailing slash") << "tree/"
                                    << "remote";
}

void TestFileProvisioner::uploadDirectory()
{
    QFETCH(QString, source);
    QFETCH(QString, expectedRoot);
    writeFile(path("tree/top.txt"), "top");
    writeFile(path("tree/sub/deep.sh"), "#!/bin/sh\n", 0755);
    Run run;
    QCOMPARE(provision(run, {{"source", str(path(source))}, {"destination", str(path("remote"))}}),
        QString());
    QCOMPARE(readFile(path(expectedRoot + "/top.txt")), QByteArray("top"));
    QCOMPARE(readFile(path(expectedRoot + "/sub/deep.sh")), QByteArray("#!/bin/sh\n"));
    QCOMPARE(modeOf(path(expectedRoot + "/sub/deep.sh")), 0755);
    if (source.endsWith('/'))
        QVERIFY(!QFileInfo::exists(path("remote/tree")));
    QCOMPARE(run.sink.texts(BuildEvent::Kind::Say).value(0),
        QStringLiteral("Uploading %1 => %2").arg(path(source), path("remote")));
}

void TestFileProvisioner::uploadSources()
{
    writeFile(path("one.txt"), "1");
    writeFile(path("two.txt"), "2");
    QDir().mkpath(path("remote"));
    Run run;
    const Value sources = Value::list({str(path("one.txt")), str(path("two.txt"))});
    QCOMPARE(
        provision(run, {{"sources", sources}, {"destination", str(path("remote/"))}}), QString());
    QCOMPARE(readFile(path("remote/one.txt")), QByteArray("1"));
    QCOMPARE(readFile(path("remote/two.txt")), QByteArray("2"));
    QCOMPARE(run.sink.texts(BuildEvent::Kind::Say).size(), 2);
}

void TestFileProvisioner::uploadContent_data()
{
    QTest::addColumn<QString>("destination");
    QTest::addColumn<QString>("written");
    QTest::newRow("file") << "remote/motd"
                          << "remote/motd";
    QTest::newRow("directory") << "remote/"
                               << "remote/pkr-file-content";
}

void TestFileProvisioner::uploadContent()
{
    QFETCH(QString, destination);
    QFETCH(QString, written);
    QDir().mkpath(path("remote"));
    Run run;
    QCOMPARE(
        provision(run, {{"content", str("Welcome\nü\n")}, {"destination", str(path(destination))}}),
        QString());
    QCOMPARE(readFile(path(written)), QStringLiteral("Welcome\nü\n").toUtf8());
    const QString say = run.sink.texts(BuildEvent::Kind::Say).value(0);
    QVERIFY2(
        say.startsWith("Uploading ") && say.endsWith("/pkr-file-content => " + path(destination)),
        qPrintable(say));
}

void TestFileProvisioner::generatedSourceIsCheckedAtProvisionTime()
{
    FileProvisioner p;
    const QString src = path("made-later.txt");
    QVERIFY(p.prepare(config({{"source", str(src)}, {"destination", str(path("out.txt"))},
                          {"generated", Value::boolean(true)}}))
                .ok());
    comm::LocalCommunicator local;
    Run missing;
    QCOMPARE(p.provision(missing.ctx, local),
        QStringLiteral("stat %1: no such file or directory").arg(src));
    QCOMPARE(missing.sink.texts(BuildEvent::Kind::Say).value(0),
        QStringLiteral("Uploading %1 => %2").arg(src, path("out.txt")));

    writeFile(src, "generated");
    Run present;
    QCOMPARE(p.provision(present.ctx, local), QString());
    QCOMPARE(readFile(path("out.txt")), QByteArray("generated"));
}

void TestFileProvisioner::downloadFile_data()
{
    QTest::addColumn<QString>("destination");
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("shown");
    QTest::newRow("file, parents created") << "local/deep/er/log.txt"
                                           << "local/deep/er/log.txt"
                                           << "local/deep/er/log.txt";
    QTest::newRow("directory keeps the name") << "local/"
                                              << "local/server.log"
                                              << "local/server.log";
}

void TestFileProvisioner::downloadFile()
{
    QFETCH(QString, destination);
    QFETCH(QString, written);
    QFETCH(QString, shown);
    writeFile(path("remote/server.log"), "log line\n");
    Run run;
    QCOMPARE(provision(run,
                 {{"source", str(path("remote/server.log"))},
                     {"destination", str(path(destination))}, {"direction", str("download")}}),
        QString());
    QCOMPARE(readFile(path(written)), QByteArray("log line\n"));
    QCOMPARE(run.sink.texts(BuildEvent::Kind::Say),
        QStringList{
            QStringLiteral("Downloading %1 => %2").arg(path("remote/server.log"), path(shown))});
    QCOMPARE(run.sink.progress().last().bytes, 9);
}

void TestFileProvisioner::downloadDirectory()
{
    writeFile(path("remote/logs/a.log"), "a");
    writeFile(path("remote/logs/sub/b.log"), "b");
    Run run;
    QCOMPARE(provision(run,
                 {{"source", str(path("remote/logs/"))}, {"destination", str(path("local/"))},
                     {"direction", str("download")}}),
        QString());
    QCOMPARE(readFile(path("local/a.log")), QByteArray("a"));
    QCOMPARE(readFile(path("local/sub/b.log")), QByteArray("b"));
    QCOMPARE(run.sink.texts(BuildEvent::Kind::Say).value(0),
        QStringLiteral("Downloading %1 => %2").arg(path("remote/logs/"), path("local/")));
}

void TestFileProvisioner::downloadMissingFile()
{
    Run run;
    const QString error = provision(run,
        {{"source", str(path("remote/none.txt"))}, {"destination", str(path("local/none.txt"))},
            {"direction", str("download")}});
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains("no such file or directory"), qPrintable(error));
    QCOMPARE(run.sink.texts(BuildEvent::Kind::Error), QStringList{"Download failed: " + error});
}

void TestFileProvisioner::buildTemplatesRenderAtProvisionTime()
{
    writeFile(path("in/data.bin"), "data");
    QDir().mkpath(path("by-id/i-123"));
    FileProvisioner p;
    QVERIFY(p.prepare(config({{"source", str(path("in/data.bin"))},
                          {"destination", str(path("by-id/{{ build `ID` }}/"))}}))
                .ok());
    comm::LocalCommunicator local;
    Run run;
    run.ctx.generatedData.insert(QStringLiteral("ID"), QStringLiteral("i-123"));
    QCOMPARE(p.provision(run.ctx, local), QString());
    QCOMPARE(readFile(path("by-id/i-123/data.bin")), QByteArray("data"));

    FileProvisioner bad;
    QVERIFY(bad.prepare(config({{"source", str(path("in/data.bin"))},
                            {"destination", str("{{ build `Nope` }}")}}))
                .ok());
    Run failing;
    const QString error = bad.provision(failing.ctx, local);
    QVERIFY2(error.startsWith("Error interpolating destination: ")
            && error.contains("couldnt find Nope"),
        qPrintable(error));
}

void TestFileProvisioner::noneCommunicatorFails()
{
    writeFile(path("a.txt"), "A");
    comm::NoneCommunicator none;
    Run run;
    const QString error
        = provision(run, {{"source", str(path("a.txt"))}, {"destination", str("/x")}}, &none);
    QCOMPARE(error, QStringLiteral("Upload is not implemented when communicator = 'none'"));
    QCOMPARE(run.sink.texts(BuildEvent::Kind::Error), QStringList{"Upload failed: " + error});
}

void TestFileProvisioner::cancelledBeforeTransfer()
{
    writeFile(path("a.txt"), "A");
    Run run;
    run.ctx.cancel->cancel();
    const QString error
        = provision(run, {{"source", str(path("a.txt"))}, {"destination", str(path("b.txt"))}});
    QCOMPARE(error, QStringLiteral("cancelled"));
    QVERIFY(!QFileInfo::exists(path("b.txt")));
}

void TestFileProvisioner::largeFileIsStreamedWithProgress()
{
    const qint64 size = 200LL * 1024 * 1024;
    // Memory-backed when available: the test is about streaming, not about the disk.
    QTemporaryDir shm(QStringLiteral("/dev/shm/kiln-file-XXXXXX"));
    const QString dir = shm.isValid() ? shm.path() : m_tmp->path();
    const QString src = dir + QStringLiteral("/big.img");
    const QString dst = dir + QStringLiteral("/copy.img");
    {
        QFile f(src);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(size)); // sparse: the disk holds only the markers below
        for (qint64 at : {qint64(0), size / 2 + 12345, size - 4096}) {
            f.seek(at);
            f.write(QByteArray::number(at).repeated(200).left(4096));
        }
    }
    const long rssBefore = peakRssKb();
    Run run;
    QCOMPARE(provision(run, {{"source", str(src)}, {"destination", str(dst)}}), QString());
    const long rssGrowthMb = (peakRssKb() - rssBefore) / 1024;
    QVERIFY2(
        rssGrowthMb < 64, qPrintable(QStringLiteral("peak RSS grew by %1 MB").arg(rssGrowthMb)));
    QCOMPARE(QFileInfo(dst).size(), size);
    QVERIFY(sameContents(dst, src));

    const auto progress = run.sink.progress();
    QVERIFY(progress.size() >= 2);
    // Thinned to a few a second, not one per chunk.
    QVERIFY2(progress.size() < 500, qPrintable(QString::number(progress.size())));
    qint64 last = -1;
    for (const auto &e : progress) {
        QCOMPARE(e.text, QStringLiteral("big.img"));
        QCOMPARE(e.total, size);
        QVERIFY(e.bytes >= last);
        last = e.bytes;
    }
    QCOMPARE(progress.first().bytes, 0);
    QCOMPARE(progress.last().bytes, size);
}

void TestFileProvisioner::overSsh_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("scp") << "scp";
    QTest::newRow("sftp") << "sftp";
}

// The same provisioner over a real sshd on loopback: it only talks to the Communicator.
void TestFileProvisioner::overSsh()
{
    QFETCH(QString, method);
    const QString why = test::SshServer::unavailableReason();
    if (!why.isEmpty())
        QSKIP(qPrintable(why));
    test::SshServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    comm::SshConfig c;
    c.host = server.host();
    c.port = server.port();
    c.auth.username = test::SshServer::user();
    c.auth.privateKeyFile = server.clientKeyPath();
    c.timeoutMs = 5000;
    c.handshakeAttempts = 1;
    c.fileTransferMethod = method;
    auto ssh = comm::SshConnector(c).connect(nullptr, &error);
    QVERIFY2(ssh, qPrintable(error));

    writeFile(path("up/app.conf"), "conf", 0640);
    writeFile(path("tree/a.txt"), "a");
    writeFile(path("tree/sub/b.sh"), "b", 0755);
    const QString remote = server.sharedDir() + QStringLiteral("/") + method;
    QDir().mkpath(remote);
    ::chmod(QFile::encodeName(remote).constData(), 0777);

    Run run;
    QCOMPARE(
        provision(run, {{"source", str(path("up/app.conf"))}, {"destination", str(remote + "/")}},
            ssh.get()),
        QString());
    QCOMPARE(readFile(remote + "/app.conf"), QByteArray("conf"));
    QCOMPARE(modeOf(remote + "/app.conf"), 0640);
    QCOMPARE(run.sink.progress().last().bytes, 4);

    QCOMPARE(
        provision(run, {{"source", str(path("tree"))}, {"destination", str(remote)}}, ssh.get()),
        QString());
    QCOMPARE(readFile(remote + "/tree/sub/b.sh"), QByteArray("b"));
    QCOMPARE(provision(run, {{"content", str("motd")}, {"destination", str(remote + "/motd")}},
                 ssh.get()),
        QString());
    QCOMPARE(readFile(remote + "/motd"), QByteArray("motd"));

    QCOMPARE(provision(run,
                 {{"source", str(remote + "/tree/sub/b.sh")}, {"destination", str(path("back/"))},
                     {"direction", str("download")}},
                 ssh.get()),
        QString());
    QCOMPARE(readFile(path("back/b.sh")), QByteArray("b"));

    const QString missing = provision(run,
        {{"source", str(remote + "/nope")}, {"destination", str(path("back/nope"))},
            {"direction", str("download")}},
        ssh.get());
    QVERIFY(!missing.isEmpty());
    QCOMPARE(run.sink.texts(BuildEvent::Kind::Error).last(), "Download failed: " + missing);
}

void TestFileProvisioner::progressIsThinned()
{
    Run known;
    {
        TransferProgress p(known.ctx.ui, QStringLiteral("f"), 60000);
        for (qint64 done = 0; done <= 100; done += 10)
            p.report(done, 100);
        p.report(100, 100); // a repeated end is not reported twice
    }
    const auto k = known.sink.progress();
    QCOMPARE(k.size(), 2);
    QCOMPARE(k[0].bytes, 0);
    QCOMPARE(k[1].bytes, 100);

    Run unknown;
    {
        TransferProgress p(unknown.ctx.ui, QStringLiteral("g"), 60000);
        for (qint64 done = 0; done <= 50; done += 10)
            p.report(done, -1);
    }
    const auto u = unknown.sink.progress();
    QCOMPARE(u.size(), 2); // the first, and the final count when the transfer ends
    QCOMPARE(u[1].bytes, 50);
    QCOMPARE(u[1].total, -1);
}

void TestFileProvisioner::goPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("clean");
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QString>("base");
    // Values from Go's path/filepath on Unix.
    QTest::newRow("empty") << ""
                           << "."
                           << "."
                           << ".";
    QTest::newRow("name") << "a"
                          << "a"
                          << "."
                          << "a";
    QTest::newRow("root") << "/"
                          << "/"
                          << "/"
                          << "/";
    QTest::newRow("trailing slash") << "/tmp/dir/"
                                    << "/tmp/dir"
                                    << "/tmp/dir"
                                    << "dir";
    QTest::newRow("dots") << "a/./b/../c"
                          << "a/c"
                          << "a/b/.."
                          << "c";
    QTest::newRow("climb") << "../../x"
                           << "../../x"
                           << "../.."
                           << "x";
    QTest::newRow("above root") << "/../x"
                                << "/x"
                                << "/.."
                                << "x";
    QTest::newRow("double slashes") << "//a//b"
                                    << "/a/b"
                                    << "/a"
                                    << "b";
}

void TestFileProvisioner::goPaths()
{
    QFETCH(QString, path);
    QFETCH(QString, clean);
    QFETCH(QString, dir);
    QFETCH(QString, base);
    QCOMPARE(GoFilePath::clean(path), clean);
    QCOMPARE(GoFilePath::dir(path), GoFilePath::clean(dir));
    QCOMPARE(GoFilePath::base(path), base);
    QCOMPARE(GoFilePath::join(QStringLiteral("dst/"), GoFilePath::base(path)),
        GoFilePath::clean("dst/" + base));
}

QTEST_MAIN(TestFileProvisioner)
#include "tst_file.moc"
