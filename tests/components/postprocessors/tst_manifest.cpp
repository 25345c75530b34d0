#include "components/Builtins.h"
#include "engine/build/BuildContext.h"
#include "engine/build/PostProcessor.h"
#include "engine/registry/Registry.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <thread>

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

std::unique_ptr<PostProcessor> prepared(const QMap<QString, Value> &settings)
{
    auto pp = create(QStringLiteral("manifest"));
    if (!pp)
        return pp;
    const PrepareResult r = pp->prepare(ComponentConfig(Value::object(settings)));
    if (!r.ok())
        qWarning() << r.errors;
    return r.ok() ? std::move(pp) : nullptr;
}

void setUp(BuildContext &ctx, RecordingSink &sink, const QString &source, const QString &uuid)
{
    ctx.name = QStringLiteral("file.") + source;
    ctx.sourceName = source;
    ctx.builderType = QStringLiteral("file");
    ctx.packerRunUuid = uuid;
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

// The values that differ between any two runs: the time and the run UUIDs.
QByteArray normalised(QByteArray json)
{
    QString text = QString::fromUtf8(json);
    text.replace(QRegularExpression(QStringLiteral("\"build_time\": \\d+")),
        QStringLiteral("\"build_time\": T"));
    text.replace(QRegularExpression(QStringLiteral(
                     "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")),
        QStringLiteral("UUID"));
    return text.toUtf8();
}

ArtifactPtr fileArtifact(const QStringList &files, const QString &id = QStringLiteral("File"))
{
    return std::make_shared<FileArtifact>(QStringLiteral("packer.file"), files, id);
}

} // namespace

class TestManifest : public QObject
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

    void registeredAndRunnable() { QVERIFY(create(QStringLiteral("manifest"))); }

    // Replays the two runs of tests/fixtures/postprocessors/manifest (see its README).
    void bytesMatchPacker()
    {
        writeFile(QStringLiteral("out/a.txt"), "hello <world> & co\n");
        writeFile(QStringLiteral("out/sub/b.bin"), {});
        QDir().mkpath(QStringLiteral("m"));
        RecordingSink sink;
        {
            BuildContext ctx;
            setUp(ctx, sink, QStringLiteral("alpha"),
                QStringLiteral("496a276c-3a84-ffb1-863b-6027eb789148"));
            // {{build_name}} renders from the interpolation context the loader provides.
            auto pp = create(QStringLiteral("manifest"));
            ComponentConfig config(Value::object(
                {{QStringLiteral("output"), Value::string(QStringLiteral("m/manifest.json"))},
                    {QStringLiteral("custom_data"),
                        Value::map({{QStringLiteral("zeta"),
                                        Value::string(QStringLiteral("z<&> \"q\" \\ tab\there"))},
                            {QStringLiteral("alpha"),
                                Value::string(QStringLiteral("{{build_name}}"))},
                            {QStringLiteral("Mid"),
                                Value::string(QString::fromUtf8("é ü 😀 \u2028"))}})}}));
            config.interpolation.buildName = QStringLiteral("alpha");
            config.interpolation.buildType = QStringLiteral("file");
            QVERIFY(pp->prepare(config).ok());
            const PostProcessResult r
                = pp->postProcess(ctx, fileArtifact({QStringLiteral("out/a.txt")}));
            QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        }
        {
            auto pp = prepared(
                {{QStringLiteral("output"), Value::string(QStringLiteral("m/manifest.json"))},
                    {QStringLiteral("strip_path"), Value::trueValue()},
                    {QStringLiteral("strip_time"), Value::trueValue()}});
            QVERIFY(pp);
            BuildContext ctx;
            setUp(ctx, sink, QStringLiteral("beta"),
                QStringLiteral("3553285f-610e-3258-4358-017ff6f674bb"));
            const PostProcessResult r
                = pp->postProcess(ctx, fileArtifact({QStringLiteral("out/sub/b.bin")}));
            QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        }
        const QByteArray expected = readFile(
            QStringLiteral(KILN_FIXTURES_DIR "/postprocessors/manifest/packer-1.6.6.json"));
        QVERIFY(!expected.isEmpty());
        const QByteArray actual = readFile(QStringLiteral("m/manifest.json"));
        QCOMPARE(normalised(actual), normalised(expected));
        // The UUIDs are the run's, and the lock file is gone.
        QVERIFY(actual.contains("\"last_run_uuid\": \"3553285f-610e-3258-4358-017ff6f674bb\""));
        QVERIFY(!QFile::exists(QStringLiteral("m/manifest.json.lock")));
    }

    void returnsInputKeptAndForced()
    {
        auto pp = prepared({});
        QVERIFY(pp);
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, sink, QStringLiteral("alpha"), QStringLiteral("u1"));
        const ArtifactPtr input = fileArtifact({});
        const PostProcessResult r = pp->postProcess(ctx, input);
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.artifact, input);
        QVERIFY(r.keep);
        QVERIFY(r.forceOverride);
        // Default file name; no files and no custom_data are Go's nil: null.
        const QByteArray json = readFile(QStringLiteral("packer-manifest.json"));
        QVERIFY(json.contains("\"files\": null,"));
        QVERIFY(json.contains("\"custom_data\": null\n"));
        QVERIFY(json.contains("\"build_time\": "));
        QVERIFY(!json.endsWith('\n'));
    }

    void appendsAcrossRuns()
    {
        RecordingSink sink;
        for (int run = 0; run < 3; ++run) {
            auto pp = prepared({});
            QVERIFY(pp);
            BuildContext ctx;
            setUp(ctx, sink, QStringLiteral("b%1").arg(run), QStringLiteral("run-%1").arg(run));
            QVERIFY(pp->postProcess(ctx, fileArtifact({})).error.isEmpty());
        }
        const QJsonObject root
            = QJsonDocument::fromJson(readFile(QStringLiteral("packer-manifest.json"))).object();
        const QJsonArray builds = root.value(QStringLiteral("builds")).toArray();
        QCOMPARE(builds.size(), 3);
        for (int run = 0; run < 3; ++run) {
            QCOMPARE(builds[run].toObject().value(QStringLiteral("name")).toString(),
                QStringLiteral("b%1").arg(run));
            QCOMPARE(builds[run].toObject().value(QStringLiteral("packer_run_uuid")).toString(),
                QStringLiteral("run-%1").arg(run));
        }
        QCOMPARE(root.value(QStringLiteral("last_run_uuid")).toString(), QStringLiteral("run-2"));
    }

    // -force truncates a manifest of an earlier run, but not one the same run is writing.
    void forceStartsOverOnlyForANewRun()
    {
        RecordingSink sink;
        auto run = [&](const QString &name, const QString &uuid) {
            auto pp = prepared({});
            BuildContext ctx;
            setUp(ctx, sink, name, uuid);
            ctx.options.force = true;
            return pp->postProcess(ctx, fileArtifact({})).error;
        };
        QVERIFY(run(QStringLiteral("a"), QStringLiteral("old")).isEmpty());
        QVERIFY(run(QStringLiteral("b"), QStringLiteral("new")).isEmpty());
        QVERIFY(run(QStringLiteral("c"), QStringLiteral("new")).isEmpty());
        const QJsonArray builds
            = QJsonDocument::fromJson(readFile(QStringLiteral("packer-manifest.json")))
                  .object()
                  .value(QStringLiteral("builds"))
                  .toArray();
        QCOMPARE(builds.size(), 2);
        QCOMPARE(
            builds[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("b"));
        QCOMPARE(
            builds[1].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("c"));
    }

    void stripPathAndTime()
    {
        writeFile(QStringLiteral("deep/dir/image.qcow2"), QByteArray(1234, 'x'));
        auto pp = prepared({{QStringLiteral("strip_path"), Value::trueValue()},
            {QStringLiteral("strip_time"), Value::trueValue()}});
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, sink, QStringLiteral("alpha"), QStringLiteral("u"));
        QVERIFY(pp->postProcess(ctx,
                      fileArtifact({m_dir.filePath(QStringLiteral("deep/dir/image.qcow2")),
                          QStringLiteral("missing.bin")}))
                    .error.isEmpty());
        const QByteArray json = readFile(QStringLiteral("packer-manifest.json"));
        QVERIFY(!json.contains("build_time"));
        const QJsonArray files = QJsonDocument::fromJson(json)
                                     .object()["builds"]
                                     .toArray()[0]
                                     .toObject()["files"]
                                     .toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files[0].toObject()["name"].toString(), QStringLiteral("image.qcow2"));
        QCOMPARE(files[0].toObject()["size"].toInt(), 1234);
        // A file that cannot be stat'ed is still listed, with size 0.
        QCOMPARE(files[1].toObject()["name"].toString(), QStringLiteral("missing.bin"));
        QCOMPARE(files[1].toObject()["size"].toInt(), 0);

        auto keep = prepared({});
        QVERIFY(keep->postProcess(ctx, fileArtifact({QStringLiteral("deep/dir/image.qcow2")}))
                    .error.isEmpty());
        QVERIFY(readFile(QStringLiteral("packer-manifest.json"))
                    .contains("\"name\": \"deep/dir/image.qcow2\""));
    }

    // Eight builds finishing together must all end up in the file.
    void concurrentWritersLoseNothing()
    {
        constexpr int kThreads = 8;
        constexpr int kPerThread = 12;
        RecordingSink sink;
        std::vector<std::thread> threads;
        QStringList errors;
        QMutex errorsMutex;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < kPerThread; ++i) {
                    auto pp = create(QStringLiteral("manifest"));
                    pp->prepare(ComponentConfig());
                    BuildContext ctx;
                    setUp(ctx, sink, QStringLiteral("t%1-%2").arg(t).arg(i),
                        QStringLiteral("same-run"));
                    const QString error = pp->postProcess(ctx, fileArtifact({})).error;
                    if (!error.isEmpty()) {
                        QMutexLocker lock(&errorsMutex);
                        errors << error;
                    }
                }
            });
        }
        for (auto &t : threads)
            t.join();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
        const QJsonArray builds
            = QJsonDocument::fromJson(readFile(QStringLiteral("packer-manifest.json")))
                  .object()["builds"]
                  .toArray();
        QCOMPARE(builds.size(), kThreads * kPerThread);
        QSet<QString> names;
        for (const auto &b : builds)
            names.insert(b.toObject()["name"].toString());
        QCOMPARE(names.size(), kThreads * kPerThread);
        QVERIFY(!QFile::exists(QStringLiteral("packer-manifest.json.lock")));
    }

    void customDataSeesGeneratedData()
    {
        auto pp = prepared({{QStringLiteral("custom_data"),
            Value::map(
                {{QStringLiteral("image"), Value::string(QStringLiteral("id={{ .ID }}"))}})}});
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, sink, QStringLiteral("alpha"), QStringLiteral("u"));
        auto input = std::make_shared<FileArtifact>(QStringLiteral("x"), QStringList(),
            QStringLiteral("i"), QString(),
            QVariantMap{{QStringLiteral("generated_data"),
                QVariantMap{{QStringLiteral("ID"), QStringLiteral("ami-42")}}}});
        const PostProcessResult r = pp->postProcess(ctx, input);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(
            readFile(QStringLiteral("packer-manifest.json")).contains("\"image\": \"id=ami-42\""));
    }

    void unreadableManifestIsAnError()
    {
        writeFile(QStringLiteral("packer-manifest.json"), "{not json");
        auto pp = prepared({});
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, sink, QStringLiteral("alpha"), QStringLiteral("u"));
        const PostProcessResult r = pp->postProcess(ctx, fileArtifact({}));
        QVERIFY(r.error.startsWith(
            QStringLiteral("Unable to parse content from packer-manifest.json: ")));
        QVERIFY(r.keep);
        QCOMPARE(readFile(QStringLiteral("packer-manifest.json")), QByteArray("{not json"));
    }

    // Entries written by Packer are kept as Go re-encodes them (unknown keys dropped).
    void existingEntriesAreReencoded()
    {
        writeFile(QStringLiteral("packer-manifest.json"),
            R"({"builds":[{"name":"old","builder_type":"null","build_time":5,"files":[],"artifact_id":"a","packer_run_uuid":"r","custom_data":{},"extra":1}],"last_run_uuid":"r"})");
        auto pp = prepared({});
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, sink, QStringLiteral("new"), QStringLiteral("r2"));
        QVERIFY(pp->postProcess(ctx, fileArtifact({})).error.isEmpty());
        const QByteArray json = readFile(QStringLiteral("packer-manifest.json"));
        QVERIFY(json.startsWith(
            "{\n  \"builds\": [\n    {\n      \"name\": \"old\",\n      \"builder_type\": "
            "\"null\",\n"
            "      \"build_time\": 5,\n      \"files\": [],\n      \"artifact_id\": \"a\",\n"
            "      \"packer_run_uuid\": \"r\",\n      \"custom_data\": {}\n    },\n"));
        QVERIFY(!json.contains("extra"));
    }
};

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"
