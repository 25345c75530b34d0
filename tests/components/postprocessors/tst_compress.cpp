#include "components/Builtins.h"
#include "components/postprocessors/compress/CompressPostProcessor.h"
#include "components/shared/ParallelGzip.h"
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
using kiln::components::CompressPostProcessor;
using kiln::components::ParallelGzip;
using kiln::hcl::Value;

namespace {

class RecordingSink : public EventSink
{
public:
    void post(const BuildEvent &event) override
    {
        QMutexLocker lock(&mutex);
        events << event;
        if (cancelOnProgress && event.kind == BuildEvent::Kind::Progress)
            cancelOnProgress->cancel(QStringLiteral("interrupted"));
    }
    QStringList says()
    {
        QMutexLocker lock(&mutex);
        QStringList out;
        for (const BuildEvent &e : events)
            if (e.kind == BuildEvent::Kind::Say)
                out << e.text;
        return out;
    }
    QMutex mutex;
    QList<BuildEvent> events;
    CancelTokenPtr cancelOnProgress;
};

// Collects a compressor's output in memory.
class MemoryStream : public kiln::components::ByteStream
{
public:
    bool write(const char *data, qsizetype size) override
    {
        bytes.append(data, size);
        return true;
    }
    bool finish() override { return true; }
    QString errorString() const override { return {}; }
    QByteArray bytes;
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

// Text-like data that compresses but not trivially: words drawn from a small vocabulary.
QByteArray textLike(qsizetype size, quint32 seed)
{
    static const char *words[] = {"kiln ", "packer ", "image ", "build\n", "artifact ", "0x1f8b ",
        "provision ", "qcow2 ", "the ", "of ", "sha256 ", "\t"};
    QRandomGenerator gen(seed);
    QByteArray out;
    out.reserve(size + 16);
    while (out.size() < size)
        out += words[gen.bounded(int(std::size(words)))];
    out.truncate(size);
    return out;
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(program, args);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Decompresses `path` with the system tool for `algorithm`.
QByteArray decompress(const QString &algorithm, const QString &path)
{
    QString tool;
    if (algorithm == QLatin1String("pgzip") || algorithm == QLatin1String("bgzf"))
        tool = QStringLiteral("gzip");
    else if (algorithm == QLatin1String("zstd"))
        tool = QStringLiteral("zstd");
    else
        tool = algorithm; // xz, bzip2, lz4
    const Run t = run(tool, {QStringLiteral("-t"), path});
    if (t.exitCode != 0) {
        qWarning() << tool << "-t failed:" << t.err;
        return {};
    }
    return run(tool, {QStringLiteral("-dc"), path}).out;
}

PostProcessResult compress(const QMap<QString, Value> &settings, const QStringList &inputs,
    RecordingSink &sink, BuildContext *ctxOut = nullptr)
{
    auto pp = create(QStringLiteral("compress"));
    const PrepareResult prepared = pp->prepare(config(settings));
    if (!prepared.ok()) {
        PostProcessResult r;
        r.error = prepared.errors.join('\n');
        return r;
    }
    BuildContext local;
    BuildContext &ctx = ctxOut ? *ctxOut : local;
    if (!ctxOut)
        setUp(ctx, sink);
    return pp->postProcess(
        ctx, std::make_shared<FileArtifact>(QStringLiteral("packer.file"), inputs));
}

QStringList leftovers()
{
    return QDir().entryList({QStringLiteral("*.kiln-tmp-*")}, QDir::Files | QDir::Hidden);
}

} // namespace

class TestCompress : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_oldCwd;
    QByteArray m_one;
    QByteArray m_two;

private slots:
    void initTestCase()
    {
        m_one = textLike(700 * 1024 + 3, 1); // several parallel gzip blocks
        m_two = textLike(5000, 2);
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_oldCwd = QDir::currentPath();
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        QDir::setCurrent(m_dir.path());
        writeFile(QStringLiteral("in/one.img"), m_one);
        writeFile(QStringLiteral("in/two.txt"), m_two);
    }
    void cleanup() { QDir::setCurrent(m_oldCwd); }

    void detect_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("archive");
        QTest::addColumn<QString>("algorithm");
        // Packer's TestDetectFilename cases first.
        QTest::newRow("naked") << "test"
                               << ""
                               << "tar"
                               << "pgzip";
        QTest::newRow("zip") << "test.zip"
                             << ""
                             << "zip"
                             << "";
        QTest::newRow("lz4") << "test.lz4"
                             << ""
                             << ""
                             << "lz4";
        QTest::newRow("lots of dots") << "test.blah.bloo.blee.tar.lz4"
                                      << ""
                                      << "tar"
                                      << "lz4";
        QTest::newRow("default template") << "packer_{{.BuildName}}_{{.BuilderType}}"
                                          << ""
                                          << "tar"
                                          << "pgzip";
        QTest::newRow("tar.gz") << "out.tar.gz"
                                << ""
                                << "tar"
                                << "pgzip";
        QTest::newRow("tar") << "out.tar"
                             << ""
                             << "tar"
                             << "";
        QTest::newRow("gz") << "out.gz"
                            << ""
                            << ""
                            << "pgzip";
        QTest::newRow("tgz is unknown") << "out.tgz"
                                        << ""
                                        << "tar"
                                        << "pgzip";
        QTest::newRow("bgzf") << "out.bgzf"
                              << ""
                              << ""
                              << "bgzf";
        QTest::newRow("tar.xz") << "out.tar.xz"
                                << ""
                                << "tar"
                                << "xz";
        QTest::newRow("bzip2") << "out.bzip2"
                               << ""
                               << ""
                               << "bzip2";
        QTest::newRow("zst") << "out.zst"
                             << ""
                             << ""
                             << "zstd";
        QTest::newRow("tar.zstd") << "out.tar.zstd"
                                  << ""
                                  << "tar"
                                  << "zstd";
        QTest::newRow("format") << "y/out"
                                << "tar.xz"
                                << "tar"
                                << "xz";
        QTest::newRow("format zip") << "y/out"
                                    << "zip"
                                    << "zip"
                                    << "";
        QTest::newRow("uppercase ignored") << "out.TAR.GZ"
                                           << ""
                                           << "tar"
                                           << "pgzip";
    }
    void detect()
    {
        QFETCH(QString, output);
        QFETCH(QString, format);
        QFETCH(QString, archive);
        QFETCH(QString, algorithm);
        const auto d = CompressPostProcessor::detect(output, format);
        QCOMPARE(d.archive, archive);
        QCOMPARE(d.algorithm, algorithm);
    }

    void archivesRoundTrip_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("algorithm");
        for (const char *a : {"pgzip", "bgzf", "xz", "bzip2", "lz4", "zstd"}) {
            const QString ext = QString::fromLatin1(a) == QLatin1String("pgzip")
                ? QStringLiteral("gz")
                : QString::fromLatin1(a) == QLatin1String("zstd") ? QStringLiteral("zst")
                                                                  : QString::fromLatin1(a);
            QTest::addRow("tar.%s", qPrintable(ext))
                << QStringLiteral("out/a.tar.") + ext << QString::fromLatin1(a);
        }
        QTest::newRow("tar") << "out/a.tar"
                             << "";
        QTest::newRow("default") << "packer_{{.BuildName}}_{{.BuilderType}}"
                                 << "pgzip";
    }
    void archivesRoundTrip()
    {
        QFETCH(QString, output);
        QFETCH(QString, algorithm);
        RecordingSink sink;
        const PostProcessResult r = compress({{QStringLiteral("output"), Value::string(output)}},
            {QStringLiteral("in/one.img"), QStringLiteral("in/two.txt")}, sink);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const QString target = output.startsWith(QLatin1String("packer_"))
            ? QStringLiteral("packer_alpha_file")
            : output;
        QVERIFY(r.artifact);
        QCOMPARE(r.artifact->builderId(), QStringLiteral("packer.post-processor.compress"));
        QCOMPARE(r.artifact->files(), QStringList{target});
        QCOMPARE(r.artifact->string(), QStringLiteral("compressed artifacts in: ") + target);
        QVERIFY(!r.keep);
        QVERIFY(!r.forceOverride);
        QByteArray tar = algorithm.isEmpty() ? readFile(target) : decompress(algorithm, target);
        QVERIFY(!tar.isEmpty());
        // Packer's tar entries: base names, GNU format, zero times.
        const Run list = run(QStringLiteral("tar"),
            {QStringLiteral("-tvf"), QStringLiteral("-"), QStringLiteral("--full-time")}, tar);
        QCOMPARE(list.exitCode, 0);
        const QStringList lines = QString::fromUtf8(list.out).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(
            lines[0].endsWith(QLatin1String("1970-01-01 00:00:00 one.img")), qPrintable(lines[0]));
        QVERIFY2(
            lines[1].endsWith(QLatin1String("1970-01-01 00:00:00 two.txt")), qPrintable(lines[1]));
        QDir().mkpath(QStringLiteral("x"));
        QCOMPARE(run(QStringLiteral("tar"),
                     {QStringLiteral("-xf"), QStringLiteral("-"), QStringLiteral("-C"),
                         QStringLiteral("x")},
                     tar)
                     .exitCode,
            0);
        QCOMPARE(readFile(QStringLiteral("x/one.img")), m_one);
        QCOMPARE(readFile(QStringLiteral("x/two.txt")), m_two);
        QCOMPARE(run(QStringLiteral("file"), {QStringLiteral("-b"), target}).exitCode, 0);
        QVERIFY(leftovers().isEmpty());
        const QStringList says = sink.says();
        QVERIFY(says.contains(
            QStringLiteral("Tarring %1 with %2")
                .arg(target, algorithm.isEmpty() ? QStringLiteral("no compression") : algorithm)));
        QCOMPARE(says.last(), QStringLiteral("Archive %1 completed").arg(target));
    }

    void zipRoundTrip()
    {
        RecordingSink sink;
        const PostProcessResult r
            = compress({{QStringLiteral("output"), Value::string(QStringLiteral("out.zip"))}},
                {QStringLiteral("in/one.img"), QStringLiteral("in/two.txt")}, sink);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const Run test
            = run(QStringLiteral("unzip"), {QStringLiteral("-t"), QStringLiteral("out.zip")});
        QCOMPARE(test.exitCode, 0);
        const Run list
            = run(QStringLiteral("unzip"), {QStringLiteral("-Z1"), QStringLiteral("out.zip")});
        // Zip entries keep the path as given, as Go's archive/zip writer does in Packer.
        QCOMPARE(QString::fromUtf8(list.out).split('\n', Qt::SkipEmptyParts),
            (QStringList{QStringLiteral("in/one.img"), QStringLiteral("in/two.txt")}));
        QCOMPARE(
            run(QStringLiteral("unzip"),
                {QStringLiteral("-p"), QStringLiteral("out.zip"), QStringLiteral("in/one.img")})
                .out,
            m_one);
        QCOMPARE(
            run(QStringLiteral("unzip"),
                {QStringLiteral("-p"), QStringLiteral("out.zip"), QStringLiteral("in/two.txt")})
                .out,
            m_two);
        QVERIFY(sink.says().contains(QStringLiteral("Zipping out.zip")));
    }

    void singleFileRoundTrip_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("gz") << "s/one.gz"
                            << ""
                            << "pgzip";
        QTest::newRow("bgzf") << "s/one.bgzf"
                              << ""
                              << "bgzf";
        QTest::newRow("xz") << "s/one.xz"
                            << ""
                            << "xz";
        QTest::newRow("bzip2") << "s/one.bzip2"
                               << ""
                               << "bzip2";
        QTest::newRow("lz4") << "s/one.lz4"
                             << ""
                             << "lz4";
        QTest::newRow("zst") << "s/one.zst"
                             << ""
                             << "zstd";
        QTest::newRow("format key") << "s/one"
                                    << "lz4"
                                    << "lz4";
    }
    void singleFileRoundTrip()
    {
        QFETCH(QString, output);
        QFETCH(QString, format);
        QFETCH(QString, algorithm);
        QMap<QString, Value> settings{{QStringLiteral("output"), Value::string(output)}};
        if (!format.isEmpty())
            settings.insert(QStringLiteral("format"), Value::string(format));
        RecordingSink sink;
        const PostProcessResult r = compress(settings, {QStringLiteral("in/one.img")}, sink);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(decompress(algorithm, output), m_one);
        QVERIFY(
            sink.says().contains(QStringLiteral("Archiving in/one.img with %1").arg(algorithm)));
        QVERIFY(QDir(QStringLiteral("s")).entryList(QDir::Files | QDir::Hidden).size() == 1);
    }

    void bgzfIsBlocked()
    {
        RecordingSink sink;
        QVERIFY(compress({{QStringLiteral("output"), Value::string(QStringLiteral("one.bgzf"))}},
            {QStringLiteral("in/one.img")}, sink)
                    .error.isEmpty());
        const QByteArray bytes = readFile(QStringLiteral("one.bgzf"));
        // Every member carries the BC extra field with its size; the file ends with the EOF block.
        qsizetype offset = 0;
        int members = 0;
        while (offset < bytes.size()) {
            QCOMPARE(bytes.mid(offset, 4), QByteArray("\x1f\x8b\x08\x04", 4));
            QCOMPARE(bytes.mid(offset + 12, 4), QByteArray("BC\x02\x00", 4));
            const int bsize = quint8(bytes[offset + 16]) | (quint8(bytes[offset + 17]) << 8);
            offset += bsize + 1;
            ++members;
        }
        QCOMPARE(offset, bytes.size());
        QCOMPARE(members, int((m_one.size() + 0xff00 - 1) / 0xff00) + 1);
        QVERIFY(bytes.endsWith(
            QByteArray::fromHex("1f8b08040000000000ff0600424302001b0003000000000000000000")));
    }

    void parallelGzipSizes_data()
    {
        QTest::addColumn<qsizetype>("size");
        QTest::addColumn<int>("chunk");
        const qsizetype block = ParallelGzip::DefaultBlockSize;
        QTest::newRow("0") << qsizetype(0) << 4096;
        QTest::newRow("1") << qsizetype(1) << 4096;
        QTest::newRow("block-1") << block - 1 << 4096;
        QTest::newRow("block") << block << 65536;
        QTest::newRow("block+1") << block + 1 << 7;
        QTest::newRow("many blocks") << 37 * block + 12345 << 1000003;
        QTest::newRow("many blocks, odd writes") << 9 * block + 3 << 4093;
    }
    void parallelGzipSizes()
    {
        QFETCH(qsizetype, size);
        QFETCH(int, chunk);
        const QByteArray input = textLike(size, quint32(size));
        MemoryStream memory;
        {
            ParallelGzip gzip(memory, 6, 4);
            for (qsizetype at = 0; at < input.size(); at += chunk)
                QVERIFY(
                    gzip.write(input.constData() + at, qMin<qsizetype>(chunk, input.size() - at)));
            QVERIFY(gzip.finish());
        }
        writeFile(QStringLiteral("p.gz"), memory.bytes);
        QCOMPARE(
            run(QStringLiteral("gzip"), {QStringLiteral("-t"), QStringLiteral("p.gz")}).exitCode,
            0);
        const QByteArray back
            = run(QStringLiteral("gzip"), {QStringLiteral("-dc"), QStringLiteral("p.gz")}).out;
        QCOMPARE(back.size(), input.size());
        QVERIFY(back == input);
        // One member: gzip -l reports the whole size (ISIZE of a single trailer).
        const Run list
            = run(QStringLiteral("gzip"), {QStringLiteral("-lv"), QStringLiteral("p.gz")});
        QVERIFY2(list.out.contains(" " + QByteArray::number(size) + " "), list.out.constData());
    }

    // Parallel gzip stays within a few percent of single-threaded gzip's ratio.
    void parallelGzipRatioCloseToGzip()
    {
        const QByteArray input = textLike(4 * 1024 * 1024, 3);
        MemoryStream memory;
        ParallelGzip gzip(memory, 6);
        QVERIFY(gzip.write(input.constData(), input.size()));
        QVERIFY(gzip.finish());
        const Run reference
            = run(QStringLiteral("gzip"), {QStringLiteral("-6"), QStringLiteral("-c")}, input);
        QVERIFY(reference.exitCode == 0);
        QVERIFY2(memory.bytes.size() < reference.out.size() * 1.02,
            qPrintable(
                QStringLiteral("%1 vs %2").arg(memory.bytes.size()).arg(reference.out.size())));
    }

    void compressionLevelHonoured_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("gz") << "l.gz"
                            << "pgzip";
        QTest::newRow("zst") << "l.zst"
                             << "zstd";
        QTest::newRow("xz") << "l.xz"
                            << "xz";
        QTest::newRow("bzip2") << "l.bzip2"
                               << "bzip2";
        QTest::newRow("lz4") << "l.lz4"
                             << "lz4";
        QTest::newRow("zip") << "l.zip"
                             << "";
    }
    void compressionLevelHonoured()
    {
        QFETCH(QString, output);
        QFETCH(QString, algorithm);
        QMap<int, qsizetype> sizes;
        for (int level : {1, 9}) {
            RecordingSink sink;
            const QString target = QString::number(level) + output;
            const PostProcessResult r
                = compress({{QStringLiteral("output"), Value::string(target)},
                               {QStringLiteral("compression_level"), Value::number(level)}},
                    {QStringLiteral("in/one.img")}, sink);
            QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
            sizes[level] = QFileInfo(target).size();
            if (!algorithm.isEmpty())
                QVERIFY(decompress(algorithm, target) == m_one);
            if (algorithm == QLatin1String("pgzip"))
                QCOMPARE(int(readFile(target)[8]), level == 9 ? 2 : 4); // gzip's XFL
        }
        QVERIFY2(sizes[9] < sizes[1],
            qPrintable(QStringLiteral("level 1: %1, level 9: %2").arg(sizes[1]).arg(sizes[9])));
    }

    void levelValidation()
    {
        auto pp = create(QStringLiteral("compress"));
        PrepareResult r
            = pp->prepare(config({{QStringLiteral("compression_level"), Value::number(-2)}}));
        QCOMPARE(r.errors,
            QStringList{
                QStringLiteral("Invalid compression level. Expected an integer from -1 to 9.")});
        auto capped = create(QStringLiteral("compress"));
        QVERIFY(capped->prepare(config({{QStringLiteral("compression_level"), Value::number(42)}}))
                    .ok());
        QCOMPARE(static_cast<CompressPostProcessor *>(capped.get())->level(), 9);
        auto deflt = create(QStringLiteral("compress"));
        QVERIFY(deflt->prepare(config({})).ok());
        QCOMPARE(static_cast<CompressPostProcessor *>(deflt.get())->level(), -1);
    }

    void singleFileFormatNeedsOneInput()
    {
        RecordingSink sink;
        const PostProcessResult r
            = compress({{QStringLiteral("output"), Value::string(QStringLiteral("two.gz"))}},
                {QStringLiteral("in/one.img"), QStringLiteral("in/two.txt")}, sink);
        QCOMPARE(r.error,
            QStringLiteral("Can only have 1 input file when not using tar/zip. Found 2 files: "
                           "[in/one.img in/two.txt]"));
        QVERIFY(!r.artifact);
        QVERIFY(!QFile::exists(QStringLiteral("two.gz")));
        QVERIFY(leftovers().isEmpty());
    }

    void missingInputLeavesNothing()
    {
        RecordingSink sink;
        const PostProcessResult r
            = compress({{QStringLiteral("output"), Value::string(QStringLiteral("m.tar.gz"))}},
                {QStringLiteral("in/one.img"), QStringLiteral("in/nope")}, sink);
        QCOMPARE(r.error,
            QStringLiteral("Error creating tar: Unable to read file in/nope: open in/nope: no such "
                           "file or directory"));
        QVERIFY(!QFile::exists(QStringLiteral("m.tar.gz")));
        QVERIFY(leftovers().isEmpty());
    }

    void cancelLeavesNothing_data()
    {
        QTest::addColumn<QString>("output");
        QTest::newRow("tar.gz") << "c.tar.gz";
        QTest::newRow("gz") << "c.gz";
        QTest::newRow("tar.zst") << "c.tar.zst";
        QTest::newRow("xz") << "c.xz";
    }
    void cancelLeavesNothing()
    {
        QFETCH(QString, output);
        // Large enough for progress events; the sink cancels on the first one.
        writeFile(QStringLiteral("in/big.img"), textLike(48 * 1024 * 1024, 9));
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, sink);
        sink.cancelOnProgress = ctx.cancel;
        const PostProcessResult r
            = compress({{QStringLiteral("output"), Value::string(output)},
                           {QStringLiteral("compression_level"), Value::number(1)}},
                {QStringLiteral("in/big.img")}, sink, &ctx);
        QCOMPARE(r.error, QStringLiteral("interrupted"));
        QVERIFY(!r.artifact);
        QVERIFY(!QFile::exists(output));
        QVERIFY(leftovers().isEmpty());
    }

    void overwritesExistingOutput()
    {
        writeFile(QStringLiteral("o.gz"), "old junk");
        RecordingSink sink;
        QVERIFY(compress({{QStringLiteral("output"), Value::string(QStringLiteral("o.gz"))}},
            {QStringLiteral("in/two.txt")}, sink)
                    .error.isEmpty());
        QCOMPARE(decompress(QStringLiteral("pgzip"), QStringLiteral("o.gz")), m_two);
    }

    // Used by bench/compress.sh: $KILN_BENCH_COMPRESS_INPUT into $KILN_BENCH_COMPRESS_OUTPUT
    // (tar.gz).
};

QTEST_GUILESS_MAIN(TestCompress)
#include "tst_compress.moc"
