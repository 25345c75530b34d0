// The shell-local post-processor, run for real on this host.

#include "components/Descriptors.h"
#include "support/BuildHarness.h"
#include "engine/build/BuildContext.h"
#include "engine/build/PostProcessor.h"
#include "engine/build/SecretFilter.h"

#include <QDir>
#include <QTest>
#include <mutex>

using namespace kiln;

namespace {

using test::configFrom;
using test::Harness;
using test::RecordingSink;
using test::toValue;

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
