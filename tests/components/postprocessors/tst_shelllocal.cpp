// The shell-local post-processor, run for real on this host.

#include "components/Descriptors.h"
#include "engine/build/BuildContext.h"
#include "engine/build/PostProcessor.h"
#include "engine/build/SecretFilter.h"

#include <QDir>
#include <QTest>
#include <mutex>

using namespace kiln;

namespace {

class RecordingSink : public build::EventSink
{
public:
    void post(const build::BuildEvent &event) override
    {
        std::lock_guard lock(m_mutex);
        m_events << event;
    }
    QList<build::BuildEvent> events() const
    {
        std::lock_guard lock(m_mutex);
        return m_events;
    }
    QStringList texts(build::BuildEvent::Kind kind) const
    {
        QStringList out;
        for (const auto &e : events())
            if (e.kind == kind)
                out << e.text;
        return out;
    }
    QStringList messages() const { return texts(build::BuildEvent::Kind::Message); }
    QStringList says() const { return texts(build::BuildEvent::Kind::Say); }
    QStringList errors() const { return texts(build::BuildEvent::Kind::Error); }

private:
    mutable std::mutex m_mutex;
    QList<build::BuildEvent> m_events;
};

hcl::Value toValue(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Bool:
        return hcl::Value::boolean(v.toBool());
    case QMetaType::Int:
    case QMetaType::LongLong:
        return hcl::Value::number(v.toLongLong());
    case QMetaType::QStringList: {
        QList<hcl::Value> items;
        for (const QString &s : v.toStringList())
            items << hcl::Value::string(s);
        return hcl::Value::tuple(items);
    }
    case QMetaType::QVariantList: {
        QList<hcl::Value> items;
        for (const QVariant &e : v.toList())
            items << toValue(e);
        return hcl::Value::tuple(items);
    }
    case QMetaType::QVariantMap: {
        QMap<QString, hcl::Value> attrs;
        const QVariantMap m = v.toMap();
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            attrs.insert(it.key(), toValue(it.value()));
        return hcl::Value::object(attrs);
    }
    default:
        return hcl::Value::string(v.toString());
    }
}

build::ComponentConfig configFrom(const QVariantMap &map)
{
    build::ComponentConfig config(toValue(map));
    config.interpolation.buildName = QStringLiteral("example");
    config.interpolation.buildType = QStringLiteral("null");
    return config;
}

struct Harness
{
    RecordingSink sink;
    std::shared_ptr<build::SecretFilter> secrets = std::make_shared<build::SecretFilter>();
    build::BuildContext ctx;

    Harness()
    {
        ctx.name = QStringLiteral("null.example");
        ctx.builderType = QStringLiteral("null");
        ctx.cancel = build::CancelToken::create();
        ctx.secrets = secrets;
        ctx.ui = build::BuildUi(ctx.name, &sink, secrets);
    }
};

std::unique_ptr<build::PostProcessor> makePostProcessor()
{
    auto made = components::shellLocalPostProcessorDescriptor().create();
    return std::unique_ptr<build::PostProcessor>(
        dynamic_cast<build::PostProcessor *>(made.release()));
}

build::ArtifactPtr nullArtifact(const QVariantMap &generated)
{
    return std::make_shared<build::FileArtifact>("mitchellh.null", QStringList{}, "Null",
        "Did not export anything.", QVariantMap{{"generated_data", generated}});
}

} // namespace

class TestShellLocalPostProcessor : public QObject
{
    Q_OBJECT

private slots:
    void passesTheArtifactOn()
    {
        Harness h;
        auto pp = makePostProcessor();
        QVERIFY(
            pp->prepare(configFrom({{"inline",
                            QStringList{"echo pp {{ .Foo }} $PACKER_BUILD_NAME", "echo e >&2"}}}))
                .ok());
        const build::ArtifactPtr input = nullArtifact({{"Foo", "bar"}});
        const build::PostProcessResult r = pp->postProcess(h.ctx, input);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.artifact, input);
        QVERIFY(r.keep);
        QVERIFY(r.forceOverride);
        QCOMPARE(h.sink.messages(), QStringList{"pp bar example"});
        QCOMPARE(h.sink.errors(), QStringList{"e"});
        // It speaks as "NAME (shell-local): ...".
        for (const auto &e : h.sink.events())
            QCOMPARE(e.component, QStringLiteral("shell-local"));
        QVERIFY(h.sink.says().first().startsWith(
            "Running local shell script: " + QDir::tempPath() + "/packer-shell"));
    }

    void oneStringExecuteCommandRunsWithShC()
    {
        Harness h;
        auto pp = makePostProcessor();
        QVERIFY(pp->prepare(configFrom({{"inline", QStringList{"true"}},
                                {"execute_command", QStringList{"echo one:$((1+1)) {{.Vars}}"}}}))
                    .ok());
        const build::PostProcessResult r = pp->postProcess(h.ctx, nullArtifact({}));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(h.sink.messages(),
            QStringList{"one:2 PACKER_BUILDER_TYPE=null PACKER_BUILD_NAME=example"});
    }

    void failureDropsTheArtifact()
    {
        Harness h;
        auto pp = makePostProcessor();
        QVERIFY(pp->prepare(configFrom({{"inline", QStringList{"exit 4"}}})).ok());
        const build::PostProcessResult r = pp->postProcess(h.ctx, nullArtifact({}));
        QCOMPARE(r.error,
            QStringLiteral(
                "Script exited with non-zero exit status: 4. Allowed exit codes are: [0]"));
        QVERIFY(!r.artifact);
    }

    void prepareErrors()
    {
        auto pp = makePostProcessor();
        QCOMPARE(pp->prepare(configFrom({})).errors,
            QStringList{"Command, Inline, Script and Scripts options cannot all be empty."});
    }
};

QTEST_GUILESS_MAIN(TestShellLocalPostProcessor)
#include "tst_shelllocal.moc"
