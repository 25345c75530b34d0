// The compress post-processor end to end: archives and single files in every format,
// levels, messages, and what a failed or cancelled run leaves behind (nothing).
// Format detection and settings: tst_compress_options.cpp; the compressors themselves:
// tst_compress_streams.cpp.

#include "engine/build/BuildContext.h"
#include "tst_compress_support.h"

#include <QTemporaryDir>

using namespace kiln::build;
using kiln::hcl::Value;
using namespace compress_test;

namespace {

void setUp(BuildContext &ctx, RecordingSink &sink)
{
    ctx.name = QStringLiteral("file.alpha");
    ctx.sourceName = QStringLiteral("alpha");
    ctx.builderType = QStringLiteral("file");
    ctx.packerRunUuid = QStringLiteral("u");
    ctx.cancel = CancelToken::create();
    ctx.ui = BuildUi(ctx.name, &sink, nullptr);
}

PostProcessResult compress(const QMap<QString, Value> &settings, const QStringList &inputs,
    RecordingSink &sink, BuildContext *ctxOut = nullptr)
{
    auto pp = createCompress();
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

    // Every format at every kind of level gives the input back; 9 is smaller than 1.
    void compressionLevelHonoured_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("gz") << "l.gz"
                            << "pgzip";
        QTest::newRow("bgzf") << "l.bgzf"
                              << "bgzf";
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
        for (int level : {-1, 0, 1, 4, 6, 9}) {
            RecordingSink sink;
            const QString target = QStringLiteral("level%1-").arg(level) + output;
            const PostProcessResult r
                = compress({{QStringLiteral("output"), Value::string(target)},
                               {QStringLiteral("compression_level"), Value::number(level)}},
                    {QStringLiteral("in/one.img")}, sink);
            QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
            sizes[level] = QFileInfo(target).size();
            if (algorithm.isEmpty()) {
                QCOMPARE(run(QStringLiteral("unzip"),
                             {QStringLiteral("-p"), target, QStringLiteral("in/one.img")})
                             .out,
                    m_one);
            } else {
                QVERIFY2(decompress(algorithm, target) == m_one, qPrintable(target));
            }
            if (algorithm == QLatin1String("pgzip")) // gzip's XFL
                QCOMPARE(int(readFile(target)[8]), level == 9 ? 2 : (level == 1 ? 4 : 0));
        }
        QVERIFY2(sizes[9] < sizes[1],
            qPrintable(QStringLiteral("level 1: %1, level 9: %2").arg(sizes[1]).arg(sizes[9])));
        // Unset, 0 and -1 are the same default level.
        QCOMPARE(sizes[0], sizes[-1]);
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
        QTest::newRow("zip") << "c.zip";
        QTest::newRow("bgzf") << "c.bgzf";
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
};

QTEST_GUILESS_MAIN(TestCompress)
#include "tst_compress.moc"
