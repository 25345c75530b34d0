#include "components/Descriptors.h"
#include "components/builders/file/FileBuilder.h"
#include "components/provisioners/file/FileProvisioner.h"
#include "engine/build/BuildContext.h"
#include "engine/communicator/Communicator.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace kiln;
using namespace kiln::components;
using build::BuildEvent;
using hcl::Value;

namespace {

// Records events; can cancel the build when the first progress event arrives.
class Recorder : public build::EventSink
{
public:
    build::CancelTokenPtr cancelOnProgress;

    void post(const BuildEvent &e) override
    {
        QMutexLocker lock(&m_mutex);
        m_events << e;
        if (e.kind == BuildEvent::Kind::Progress && cancelOnProgress)
            cancelOnProgress->cancel();
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

    // The bytes and total of the last progress event; {-1, -1} without one.
    std::pair<qint64, qint64> lastProgress() const
    {
        QMutexLocker lock(&m_mutex);
        for (qsizetype i = m_events.size() - 1; i >= 0; --i)
            if (m_events[i].kind == BuildEvent::Kind::Progress)
                return {m_events[i].bytes, m_events[i].total};
        return {-1, -1};
    }

private:
    mutable QMutex m_mutex;
    QList<BuildEvent> m_events;
};

struct Run
{
    Recorder sink;
    build::BuildContext ctx;
    QStringList provisionedWith; // communicator types the hook saw
    QString provisionError;

    Run()
    {
        ctx.name = QStringLiteral("file.test");
        ctx.ui = build::BuildUi(ctx.name, &sink, nullptr);
        ctx.cancel = build::CancelToken::create();
        ctx.provision = [this](comm::Communicator &c) {
            provisionedWith << c.type();
            return provisionError;
        };
    }
};

build::ComponentConfig config(const QMap<QString, Value> &attrs)
{
    return build::ComponentConfig(Value::object(attrs));
}

int modeOf(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

int currentUmask()
{
    const mode_t m = ::umask(0);
    ::umask(m);
    return int(m);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

} // namespace

class TestFileBuilder : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void descriptorCreatesRunnableComponent();
    void prepare_data();
    void prepare();
    void contentBecomesArtifact();
    void sourceIsCopied();
    void existingTargetKeepsItsPermissions();
    void missingSourceFails();
    void provisionErrorFailsTheBuild();
    void cancelledCopyLeavesTargetUntouched();
    void fileProvisionerRunsOnTheMockCommunicator();

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString path(const QString &rel) const { return m_tmp->filePath(rel); }
};

void TestFileBuilder::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

void TestFileBuilder::descriptorCreatesRunnableComponent()
{
    const auto d = fileBuilderDescriptor();
    QVERIFY(d.create);
    QVERIFY(dynamic_cast<FileBuilder *>(d.create().get()));
}

void TestFileBuilder::prepare_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<QStringList>("warnings");
    const QStringList blank{"Both source file and contents are blank; target will have no content"};
    QTest::newRow("content") << ""
                             << "hello"
                             << "out.txt" << QStringList() << QStringList();
    QTest::newRow("source") << "in.txt"
                            << ""
                            << "out.txt" << QStringList() << QStringList();
    QTest::newRow("blank") << ""
                           << ""
                           << "out.txt" << QStringList() << blank;
    QTest::newRow("no target") << ""
                               << "x"
                               << "" << QStringList{"target required"} << QStringList();
    QTest::newRow("both") << "in.txt"
                          << "x"
                          << "out.txt" << QStringList{"Cannot specify source file AND content"}
                          << QStringList();
    QTest::newRow("nothing") << ""
                             << ""
                             << "" << QStringList{"target required"} << blank;
}

void TestFileBuilder::prepare()
{
    QFETCH(QString, source);
    QFETCH(QString, content);
    QFETCH(QString, target);
    QFETCH(QStringList, errors);
    QFETCH(QStringList, warnings);
    QMap<QString, Value> attrs;
    if (!source.isEmpty())
        attrs.insert(QStringLiteral("source"), Value::string(source));
    if (!content.isEmpty())
        attrs.insert(QStringLiteral("content"), Value::string(content));
    if (!target.isEmpty())
        attrs.insert(QStringLiteral("target"), Value::string(target));
    FileBuilder b;
    const auto result = b.prepare(config(attrs));
    QCOMPARE(result.errors, errors);
    QCOMPARE(result.warnings, warnings);
}

void TestFileBuilder::contentBecomesArtifact()
{
    const QString target = path("new/dirs/motd.txt");
    FileBuilder b;
    QVERIFY(b.prepare(config({{"content", Value::string("Hello ü\n")},
                          {"target", Value::string(target)}}))
                .ok());
    Run run;
    const auto artifact = b.run(run.ctx);
    QVERIFY2(artifact, qPrintable(run.ctx.error()));
    QCOMPARE(readFile(target), QStringLiteral("Hello ü\n").toUtf8());
    // os.WriteFile(..., 0600)
    QCOMPARE(modeOf(target), 0600 & ~currentUmask());
    QCOMPARE(artifact->builderId(), QStringLiteral("packer.file"));
    QCOMPARE(artifact->id(), QStringLiteral("File"));
    QCOMPARE(artifact->files(), QStringList{target});
    QCOMPARE(artifact->string(), QStringLiteral("Stored file: %1").arg(target));
    // Provisioners run with no machine behind them.
    QCOMPARE(run.provisionedWith, QStringList{"none"});
    QCOMPARE(run.ctx.generatedData.value("ID").toString(),
        QStringLiteral("ERR_ID_NOT_IMPLEMENTED_BY_BUILDER"));
    // Nothing but the target in its directory: the temporary file was renamed.
    QCOMPARE(QDir(path("new/dirs")).entryList(QDir::Files | QDir::Hidden), QStringList{"motd.txt"});

    QCOMPARE(artifact->destroy(), QString());
    QVERIFY(!QFileInfo::exists(target));
}

void TestFileBuilder::sourceIsCopied()
{
    const QString source = path("in.bin");
    QByteArray data;
    for (int i = 0; i < 300000; ++i)
        data.append(char(i * 7));
    {
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }
    const QString target = path("out/copy.bin");
    FileBuilder b;
    QVERIFY(
        b.prepare(config({{"source", Value::string(source)}, {"target", Value::string(target)}}))
            .ok());
    Run run;
    const auto artifact = b.run(run.ctx);
    QVERIFY2(artifact, qPrintable(run.ctx.error()));
    QCOMPARE(readFile(target), data);
    QCOMPARE(modeOf(target), 0666 & ~currentUmask());
    QCOMPARE(run.sink.texts(BuildEvent::Kind::Say),
        (QStringList{
            QStringLiteral("Copying %1 to %2").arg(source, target), "Copied 300000 bytes"}));
    QCOMPARE(artifact->string(), QStringLiteral("Stored file: %1").arg(target));
    QCOMPARE(run.sink.lastProgress(), (std::pair<qint64, qint64>(300000, 300000)));
    QCOMPARE(run.sink.texts(BuildEvent::Kind::Progress).value(0), QStringLiteral("in.bin"));
}

void TestFileBuilder::existingTargetKeepsItsPermissions()
{
    const QString target = path("kept.txt");
    {
        QFile f(target);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("old contents that are longer");
    }
    ::chmod(QFile::encodeName(target).constData(), 0640);
    FileBuilder b;
    QVERIFY(
        b.prepare(config({{"content", Value::string("new")}, {"target", Value::string(target)}}))
            .ok());
    Run run;
    QVERIFY(b.run(run.ctx));
    QCOMPARE(readFile(target), QByteArray("new"));
    QCOMPARE(modeOf(target), 0640);
}

void TestFileBuilder::missingSourceFails()
{
    const QString source = path("absent.txt");
    const QString target = path("out.txt");
    FileBuilder b;
    QVERIFY(
        b.prepare(config({{"source", Value::string(source)}, {"target", Value::string(target)}}))
            .ok());
    Run run;
    QVERIFY(!b.run(run.ctx));
    QCOMPARE(run.ctx.error(), QStringLiteral("open %1: no such file or directory").arg(source));
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(run.provisionedWith.isEmpty());
}

void TestFileBuilder::provisionErrorFailsTheBuild()
{
    const QString target = path("out.txt");
    FileBuilder b;
    QVERIFY(b.prepare(config({{"content", Value::string("x")}, {"target", Value::string(target)}}))
                .ok());
    Run run;
    run.provisionError = QStringLiteral("Script exited with non-zero exit status: 1");
    QVERIFY(!b.run(run.ctx));
    QCOMPARE(run.ctx.error(), run.provisionError);
    // As Packer, the written file stays for inspection.
    QCOMPARE(readFile(target), QByteArray("x"));
}

void TestFileBuilder::cancelledCopyLeavesTargetUntouched()
{
    const QString source = path("big.bin");
    {
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(64LL * 1024 * 1024));
    }
    const QString target = path("dst/target.bin");
    QDir().mkpath(path("dst"));
    {
        QFile f(target);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("previous");
    }
    FileBuilder b;
    QVERIFY(
        b.prepare(config({{"source", Value::string(source)}, {"target", Value::string(target)}}))
            .ok());
    Run run;
    run.sink.cancelOnProgress = run.ctx.cancel; // cancel after the first chunk
    QVERIFY(!b.run(run.ctx));
    QVERIFY(run.ctx.cancelled());
    QCOMPARE(readFile(target), QByteArray("previous"));
    QCOMPARE(QDir(path("dst")).entryList(QDir::Files | QDir::Hidden), QStringList{"target.bin"});
    QVERIFY(run.provisionedWith.isEmpty());
    QVERIFY(
        !run.sink.texts(BuildEvent::Kind::Say).contains(QStringLiteral("Copied 67108864 bytes")));
}

void TestFileBuilder::fileProvisionerRunsOnTheMockCommunicator()
{
    // Packer 1.6.6 builds this: the upload "succeeds" on the mock and writes nothing.
    const QString upload = path("uploaded.txt");
    QFile in(path("in.txt"));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("hi\n");
    in.close();
    FileBuilder b;
    QVERIFY(b.prepare(config({{"content", Value::string("x")},
                          {"target", Value::string(path("t.txt"))}}))
                .ok());
    Run run;
    run.ctx.provision = [&](comm::Communicator &c) {
        FileProvisioner p;
        const auto prepared = p.prepare(config(
            {{"source", Value::string(path("in.txt"))}, {"destination", Value::string(upload)}}));
        return prepared.ok() ? p.provision(run.ctx, c) : prepared.errors.join('\n');
    };
    QVERIFY2(b.run(run.ctx), qPrintable(run.ctx.error()));
    QCOMPARE(run.sink.texts(BuildEvent::Kind::Say),
        QStringList{QStringLiteral("Uploading %1 => %2").arg(path("in.txt"), upload)});
    QVERIFY(!QFileInfo::exists(upload));
}

QTEST_MAIN(TestFileBuilder)
#include "tst_filebuilder.moc"
