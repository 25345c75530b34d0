#include "components/Builtins.h"
#include "engine/build/BuildContext.h"
#include "engine/build/PostProcessor.h"
#include "engine/registry/Registry.h"

#include <QDir>
#include <QFile>
#include <QMutex>
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
    QStringList says()
    {
        QMutexLocker lock(&mutex);
        QStringList out;
        for (const BuildEvent &e : events)
            if (e.kind == BuildEvent::Kind::Say && e.component == QLatin1String("artifice"))
                out << e.text;
        return out;
    }
    QMutex mutex;
    QList<BuildEvent> events;
};

std::unique_ptr<PostProcessor> create()
{
    static kiln::registry::Registry *registry = [] {
        auto *r = new kiln::registry::Registry;
        kiln::components::registerBuiltins(*r);
        return r;
    }();
    const auto *d
        = registry->find(kiln::registry::ComponentKind::PostProcessor, QStringLiteral("artifice"));
    if (!d || !d->create)
        return {};
    return std::unique_ptr<PostProcessor>(dynamic_cast<PostProcessor *>(d->create().release()));
}

Value strings(const QStringList &list)
{
    QList<Value> values;
    for (const QString &s : list)
        values << Value::string(s);
    return Value::list(values);
}

void touch(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
}

} // namespace

class TestArtifice : public QObject
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

    void filesAreRequired()
    {
        auto pp = create();
        QVERIFY(pp);
        QCOMPARE(pp->prepare(ComponentConfig()).errors,
            QStringList{QStringLiteral("No files specified in artifice configuration")});
        QCOMPARE(pp->prepare(ComponentConfig(Value::object({{QStringLiteral("files"),
                                 Value::listEmpty(kiln::hcl::Type::string())}})))
                     .errors.size(),
            1);
    }

    // The replay of Packer 1.6.6: artifice after a file builder with files ["out/*.txt", "x/*"].
    void globsAndReplacesTheArtifact()
    {
        touch(QStringLiteral("out/b.txt"));
        touch(QStringLiteral("out/a.txt"));
        touch(QStringLiteral("out/.hidden.txt"));
        touch(QStringLiteral("out/c.bin"));
        touch(QStringLiteral("x/alpha.tar.gz"));
        auto pp = create();
        QVERIFY(pp->prepare(ComponentConfig(Value::object({{QStringLiteral("files"),
                                strings({QStringLiteral("out/*.txt"), QStringLiteral("x/*"),
                                    QStringLiteral("none/*")})}})))
                    .ok());
        RecordingSink sink;
        BuildContext ctx;
        ctx.ui = BuildUi(QStringLiteral("alpha"), &sink, nullptr);
        ctx.cancel = CancelToken::create();
        const PostProcessResult r = pp->postProcess(ctx,
            std::make_shared<FileArtifact>(
                QStringLiteral("packer.file"), QStringList{QStringLiteral("out/a.txt")}));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const QStringList expected{QStringLiteral("out/.hidden.txt"), QStringLiteral("out/a.txt"),
            QStringLiteral("out/b.txt"), QStringLiteral("x/alpha.tar.gz")};
        QVERIFY(r.artifact);
        QCOMPARE(r.artifact->files(), expected);
        QCOMPARE(r.artifact->builderId(), QStringLiteral("packer.post-processor.artifice"));
        QCOMPARE(r.artifact->id(), QString());
        QCOMPARE(r.artifact->string(),
            QStringLiteral("Created artifact from files: ") + expected.join(QStringLiteral(", ")));
        QVERIFY(r.keep);
        QVERIFY(!r.forceOverride);
        QCOMPARE(sink.says(),
            (QStringList{QStringLiteral("Discarding files from artifact: out/a.txt"),
                QStringLiteral("Using these artifact files: ")
                    + expected.join(QStringLiteral(", "))}));
    }

    void plainPathsAndNoInputFiles()
    {
        touch(QStringLiteral("image.qcow2"));
        auto pp = create();
        QVERIFY(pp
                    ->prepare(ComponentConfig(Value::object({{QStringLiteral("files"),
                        strings({QStringLiteral("image.qcow2"), QStringLiteral("absent.img")})}})))
                    .ok());
        RecordingSink sink;
        BuildContext ctx;
        ctx.ui = BuildUi(QStringLiteral("alpha"), &sink, nullptr);
        const PostProcessResult r = pp->postProcess(
            ctx, std::make_shared<FileArtifact>(QStringLiteral("null"), QStringList()));
        QVERIFY(r.error.isEmpty());
        // A plain path that does not exist matches nothing, as filepath.Glob.
        QCOMPARE(r.artifact->files(), QStringList{QStringLiteral("image.qcow2")});
        QCOMPARE(
            sink.says(), QStringList{QStringLiteral("Using these artifact files: image.qcow2")});
    }

    void destroyRemovesTheFiles()
    {
        touch(QStringLiteral("d/one"));
        auto pp = create();
        QVERIFY(pp->prepare(ComponentConfig(Value::object(
                                {{QStringLiteral("files"), strings({QStringLiteral("d/*")})}})))
                    .ok());
        RecordingSink sink;
        BuildContext ctx;
        ctx.ui = BuildUi(QStringLiteral("alpha"), &sink, nullptr);
        const PostProcessResult r = pp->postProcess(ctx, nullptr);
        QVERIFY(r.error.isEmpty());
        QVERIFY(r.artifact->destroy().isEmpty());
        QVERIFY(!QFile::exists(QStringLiteral("d/one")));
    }
};

QTEST_GUILESS_MAIN(TestArtifice)
#include "tst_artifice.moc"
