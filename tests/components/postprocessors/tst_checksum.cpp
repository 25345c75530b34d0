#include "components/Builtins.h"
#include "engine/build/BuildContext.h"
#include "engine/build/PostProcessor.h"
#include "engine/registry/Registry.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln::build;
using kiln::hcl::Value;

namespace {

class RecordingSink : public EventSink
{
public:
    void post(const BuildEvent &event) override
    {
        QMutexLocker lock(&mutex);
        events << event;
    }
    QMutex mutex;
    QList<BuildEvent> events;
};

std::unique_ptr<PostProcessor> create(const QString &type)
{
    static kiln::registry::Registry *registry = [] {
        auto *r = new kiln::registry::Registry;
        kiln::components::registerBuiltins(*r);
        return r;
    }();
    const auto *d = registry->find(kiln::registry::ComponentKind::PostProcessor, type);
    if (!d || !d->create)
        return {};
    return std::unique_ptr<PostProcessor>(dynamic_cast<PostProcessor *>(d->create().release()));
}

ComponentConfig config(const QMap<QString, Value> &settings)
{
    ComponentConfig c(Value::object(settings));
    c.interpolation.buildName = QStringLiteral("alpha");
    c.interpolation.buildType = QStringLiteral("file");
    return c;
}

Value strings(const QStringList &list)
{
    QList<Value> values;
    for (const QString &s : list)
        values << Value::string(s);
    return Value::list(values);
}

void setUp(BuildContext &ctx, RecordingSink &sink)
{
    ctx.name = QStringLiteral("file.alpha");
    ctx.sourceName = QStringLiteral("alpha");
    ctx.builderType = QStringLiteral("file");
    ctx.packerRunUuid = QStringLiteral("u");
    ctx.cancel = CancelToken::create();
    ctx.ui = BuildUi(ctx.name, &sink, nullptr);
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator gen(seed);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char(gen.generate() & 0xff);
    return data;
}

// What coreutils' `<type>sum` prints for the file: "<hex>  <path>".
QString coreutilsHex(const QString &type, const QString &path)
{
    QProcess p;
    p.start(type + QStringLiteral("sum"), {path});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    return QString::fromLatin1(p.readAllStandardOutput()).section(QLatin1Char(' '), 0, 0);
}

} // namespace

class TestChecksum : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_oldCwd;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_oldCwd = QDir::currentPath();
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        QDir::setCurrent(m_dir.path());
    }
    void cleanup() { QDir::setCurrent(m_oldCwd); }

    void linesMatchCoreutils_data()
    {
        QTest::addColumn<QString>("type");
        for (const char *t : {"md5", "sha1", "sha224", "sha256", "sha384", "sha512"})
            QTest::newRow(t) << QString::fromLatin1(t);
    }
    void linesMatchCoreutils()
    {
        QFETCH(QString, type);
        // Empty, small, and larger than the 4 MiB read chunk (a partial last chunk).
        writeFile(QStringLiteral("in/empty"), {});
        writeFile(QStringLiteral("in/small.txt"), "hello\n");
        writeFile(QStringLiteral("in/big.img"), randomBytes(9 * 1024 * 1024 + 77, 7));
        const QStringList inputs{QStringLiteral("in/empty"), QStringLiteral("in/small.txt"),
            QStringLiteral("in/big.img")};
        auto pp = create(QStringLiteral("checksum"));
        QVERIFY(pp);
        QVERIFY(pp->prepare(config({{QStringLiteral("checksum_types"), strings({type})}})).ok());
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, sink);
        const PostProcessResult r = pp->postProcess(
            ctx, std::make_shared<FileArtifact>(QStringLiteral("packer.file"), inputs));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QString expected;
        for (const QString &input : inputs)
            expected += coreutilsHex(type, input) + QLatin1Char('\t') + QFileInfo(input).fileName()
                + QLatin1Char('\n');
        QCOMPARE(
            QString::fromUtf8(readFile(QStringLiteral("packer_alpha_file_%1.checksum").arg(type))),
            expected);
    }

    void allTypesInOnePassAndPackerArtifact()
    {
        writeFile(QStringLiteral("a.txt"), "hello <world> & co\n");
        auto pp = create(QStringLiteral("checksum"));
        const QStringList types{QStringLiteral("md5"), QStringLiteral("sha1"),
            QStringLiteral("sha224"), QStringLiteral("sha256"), QStringLiteral("sha384"),
            QStringLiteral("sha512")};
        QVERIFY(pp->prepare(config({{QStringLiteral("checksum_types"), strings(types)}})).ok());
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, sink);
        const PostProcessResult r = pp->postProcess(ctx,
            std::make_shared<FileArtifact>(
                QStringLiteral("packer.file"), QStringList{QStringLiteral("a.txt")}));
        QVERIFY(r.error.isEmpty());
        QVERIFY(r.keep);
        QVERIFY(r.forceOverride);
        QVERIFY(r.artifact);
        QCOMPARE(r.artifact->builderId(), QStringLiteral("packer.post-processor.checksum"));
        QCOMPARE(r.artifact->id(), QString());
        QStringList files{QStringLiteral("a.txt")};
        for (const QString &t : types)
            files << QStringLiteral("packer_alpha_file_%1.checksum").arg(t);
        QCOMPARE(r.artifact->files(), files);
        // Packer 1.6.6's summary line for this very template.
        QCOMPARE(r.artifact->string(),
            QStringLiteral("Created artifact from files: a.txt, packer_alpha_file_md5.checksum, "
                           "packer_alpha_file_sha1.checksum, packer_alpha_file_sha224.checksum, "
                           "packer_alpha_file_sha256.checksum, packer_alpha_file_sha384.checksum, "
                           "packer_alpha_file_sha512.checksum"));
        QCOMPARE(readFile(QStringLiteral("packer_alpha_file_md5.checksum")),
            QByteArray("43a870fbc549724990f69e7c6ce8daf4\ta.txt\n"));
        // Progress was reported for the file.
        bool progressed = false;
        for (const BuildEvent &e : sink.events)
            progressed |= e.kind == BuildEvent::Kind::Progress && e.text == QLatin1String("a.txt")
                && e.component == QLatin1String("checksum");
        QVERIFY(progressed);
    }

    void defaultIsMd5()
    {
        writeFile(QStringLiteral("a.txt"), "x");
        auto pp = create(QStringLiteral("checksum"));
        QVERIFY(pp->prepare(config({})).ok());
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, sink);
        QVERIFY(pp->postProcess(ctx,
                      std::make_shared<FileArtifact>(
                          QStringLiteral("p"), QStringList{QStringLiteral("a.txt")}))
                    .error.isEmpty());
        QCOMPARE(QDir().entryList({QStringLiteral("*.checksum")}),
            QStringList{QStringLiteral("packer_alpha_file_md5.checksum")});
    }

    // Lines are appended; a checksum file that already existed is not listed again.
    void appends()
    {
        writeFile(QStringLiteral("a.txt"), "one");
        RecordingSink sink;
        for (int run = 0; run < 2; ++run) {
            auto pp = create(QStringLiteral("checksum"));
            QVERIFY(pp->prepare(config({{QStringLiteral("checksum_types"),
                                    strings({QStringLiteral("sha256")})}}))
                        .ok());
            BuildContext ctx;
            setUp(ctx, sink);
            const PostProcessResult r = pp->postProcess(ctx,
                std::make_shared<FileArtifact>(
                    QStringLiteral("p"), QStringList{QStringLiteral("a.txt")}));
            QVERIFY(r.error.isEmpty());
            QCOMPARE(r.artifact->files().size(), run == 0 ? 2 : 1);
        }
        const QByteArray line
            = coreutilsHex(QStringLiteral("sha256"), QStringLiteral("a.txt")).toLatin1()
            + "\ta.txt\n";
        QCOMPARE(readFile(QStringLiteral("packer_alpha_file_sha256.checksum")), line + line);
    }

    // A template with a directory; several types into one file come type by type.
    void outputTemplate()
    {
        writeFile(QStringLiteral("a.txt"), "A");
        writeFile(QStringLiteral("b.txt"), "B");
        auto pp = create(QStringLiteral("checksum"));
        QVERIFY(pp->prepare(config({{QStringLiteral("checksum_types"),
                                        strings({QStringLiteral("md5"), QStringLiteral("sha1")})},
                                {QStringLiteral("output"),
                                    Value::string(QStringLiteral(
                                        "sums/{{.BuildName}}-{{.BuilderType}}.sum"))}}))
                    .ok());
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, sink);
        const PostProcessResult r = pp->postProcess(ctx,
            std::make_shared<FileArtifact>(QStringLiteral("p"),
                QStringList{QStringLiteral("a.txt"), QStringLiteral("b.txt")}));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const QString expected = coreutilsHex(QStringLiteral("md5"), QStringLiteral("a.txt"))
            + "\ta.txt\n" + coreutilsHex(QStringLiteral("md5"), QStringLiteral("b.txt"))
            + "\tb.txt\n" + coreutilsHex(QStringLiteral("sha1"), QStringLiteral("a.txt"))
            + "\ta.txt\n" + coreutilsHex(QStringLiteral("sha1"), QStringLiteral("b.txt"))
            + "\tb.txt\n";
        QCOMPARE(QString::fromUtf8(readFile(QStringLiteral("sums/alpha-file.sum"))), expected);
        QCOMPARE(r.artifact->files(),
            (QStringList{QStringLiteral("a.txt"), QStringLiteral("b.txt"),
                QStringLiteral("sums/alpha-file.sum")}));
    }

    void prepareErrors_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown type") << "checksum_types"
                                      << "crc32"
                                      << "Unrecognized checksum type: crc32";
        QTest::newRow("bad template") << "output"
                                      << "x{{.Nope"
                                      << "Error parsing target template: ";
    }
    void prepareErrors()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, error);
        auto pp = create(QStringLiteral("checksum"));
        const Value v
            = key == QLatin1String("checksum_types") ? strings({value}) : Value::string(value);
        const PrepareResult r = pp->prepare(config({{key, v}}));
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(r.errors.first().startsWith(error), qPrintable(r.errors.first()));
    }

    void missingInputIsAnError()
    {
        auto pp = create(QStringLiteral("checksum"));
        QVERIFY(pp->prepare(config({})).ok());
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, sink);
        const PostProcessResult r = pp->postProcess(ctx,
            std::make_shared<FileArtifact>(
                QStringLiteral("p"), QStringList{QStringLiteral("nope.img")}));
        QCOMPARE(r.error,
            QStringLiteral(
                "unable to open file nope.img: open nope.img: no such file or directory"));
        QVERIFY(!r.artifact);
        QVERIFY(!QFile::exists(QStringLiteral("packer_alpha_file_md5.checksum")));
    }

    void cancelWritesNothing()
    {
        writeFile(QStringLiteral("big.img"), QByteArray(12 * 1024 * 1024, 'z'));
        auto pp = create(QStringLiteral("checksum"));
        QVERIFY(pp->prepare(config({})).ok());
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, sink);
        ctx.cancel->cancel(QStringLiteral("interrupted"));
        const PostProcessResult r = pp->postProcess(ctx,
            std::make_shared<FileArtifact>(
                QStringLiteral("p"), QStringList{QStringLiteral("big.img")}));
        QCOMPARE(r.error, QStringLiteral("interrupted"));
        QVERIFY(!QFile::exists(QStringLiteral("packer_alpha_file_md5.checksum")));
    }

    // Used by bench/checksum.sh: sha256 of $KILN_BENCH_CHECKSUM_FILE through the post-processor.
    void benchSha256()
    {
        const QString file = qEnvironmentVariable("KILN_BENCH_CHECKSUM_FILE");
        if (file.isEmpty())
            QSKIP("set KILN_BENCH_CHECKSUM_FILE to run the benchmark");
        auto pp = create(QStringLiteral("checksum"));
        QVERIFY(
            pp->prepare(
                  config({{QStringLiteral("checksum_types"), strings({QStringLiteral("sha256")})},
                      {QStringLiteral("output"),
                          Value::string(m_dir.filePath(QStringLiteral("bench.sha256")))}}))
                .ok());
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, sink);
        QElapsedTimer timer;
        timer.start();
        const PostProcessResult r = pp->postProcess(
            ctx, std::make_shared<FileArtifact>(QStringLiteral("p"), QStringList{file}));
        const qint64 ms = timer.elapsed();
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        printf("KILN_BENCH checksum_ms=%lld line=%s", ms,
            readFile(m_dir.filePath(QStringLiteral("bench.sha256"))).constData());
        fflush(stdout);
    }
};

QTEST_GUILESS_MAIN(TestChecksum)
#include "tst_checksum.moc"
