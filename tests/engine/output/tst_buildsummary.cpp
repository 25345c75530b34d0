#include "engine/build/Artifact.h"
#include "engine/build/Build.h"
#include "engine/build/SecretFilter.h"
#include "engine/output/BuildSummary.h"
#include "engine/output/CommandUi.h"
#include "engine/output/DurationFormat.h"

#include <QTest>

using namespace kiln::output;
using kiln::build::BuildEvent;

namespace {

// Records the calls in order, one string each: "say|text", "error|text",
// "machine|target|type|a|b".
class RecordingUi : public CommandUi
{
public:
    void say(const QString &text) override { calls << QStringLiteral("say|") + text; }
    void error(const QString &text) override { calls << QStringLiteral("error|") + text; }
    void machine(const QString &target, const QString &type, const QStringList &args) override
    {
        calls
            << (QStringList{QStringLiteral("machine"), target, type} + args).join(QLatin1Char('|'));
    }
    QStringList calls;
};

class TestArtifact : public kiln::build::Artifact
{
public:
    TestArtifact(QString id, QString string, QStringList files)
        : m_id(std::move(id))
        , m_string(std::move(string))
        , m_files(std::move(files))
    { }
    QString builderId() const override { return QStringLiteral("kiln.test"); }
    QString id() const override { return m_id; }
    QStringList files() const override { return m_files; }
    QString string() const override { return m_string; }
    QString destroy() override { return {}; }

private:
    QString m_id, m_string;
    QStringList m_files;
};

kiln::build::ArtifactPtr artifact(
    const QString &id, const QString &string, const QStringList &files = {})
{
    return std::make_shared<TestArtifact>(id, string, files);
}

constexpr qint64 Ms = 1000000;

} // namespace

class TestBuildSummary : public QObject
{
    Q_OBJECT

private slots:
    // Expected values worked out from hako/durafmt c0fb7b4da026 as Packer 1.6.6 calls it
    // (Parse(d).LimitFirstN(2)), several confirmed by running packer 1.6.6.
    void durafmt_data()
    {
        QTest::addColumn<qint64>("ns");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("text");
        const qint64 s = 1000 * Ms;
        QTest::newRow("zero") << qint64(0) << 2 << "0 seconds";
        QTest::newRow("below a microsecond") << qint64(500) << 2 << "";
        QTest::newRow("one microsecond") << qint64(1000) << 2 << "1 microsecond";
        QTest::newRow("truncated microseconds") << qint64(1999) << 2 << "1 microsecond";
        QTest::newRow("packer: ms and us")
            << qint64(8472000) << 2 << "8 milliseconds 472 microseconds";
        QTest::newRow("packer: s and ms") << 1115 * Ms << 2 << "1 second 115 milliseconds";
        QTest::newRow("one second") << s << 2 << "1 second";
        QTest::newRow("singular both") << Ms + 1000 << 2 << "1 millisecond 1 microsecond";
        QTest::newRow("minutes") << 123 * s << 2 << "2 minutes 3 seconds";
        QTest::newRow("zero units skipped") << 3605 * s << 2 << "1 hour 5 seconds";
        QTest::newRow("limited to two") << 3661 * s + 500 * Ms << 2 << "1 hour 1 minute";
        QTest::newRow("no limit") << 3661 * s + 500 * Ms << 0
                                  << "1 hour 1 minute 1 second 500 milliseconds";
        QTest::newRow("days") << (26 * 3600 + 180) * s << 2 << "1 day 2 hours";
        QTest::newRow("weeks") << 8 * 86400 * s << 2 << "1 week 1 day";
        QTest::newRow("years are 365 days") << 366 * 86400 * s << 2 << "1 year 1 day";
        QTest::newRow("just under a minute") << 59999999000LL << 2 << "59 seconds 999 milliseconds";
        QTest::newRow("negative") << -1500 * Ms << 2 << "-1 second 500 milliseconds";
        QTest::newRow("limit one") << 123 * s << 1 << "2 minutes";
    }

    void durafmt()
    {
        QFETCH(qint64, ns);
        QFETCH(int, limit);
        QFETCH(QString, text);
        QCOMPARE(DurationFormat::format(ns, limit), text);
    }

    void buildEndLines()
    {
        QCOMPARE(BuildSummary::finishedText("null.a", 7),
            QStringLiteral("Build 'null.a' finished after 7 milliseconds."));
        QCOMPARE(BuildSummary::erroredText("b.null.b", 1834, "Script exited, %1 status"),
            QStringLiteral("Build 'b.null.b' errored after 1 second 834 milliseconds: Script "
                           "exited, %1 status"));
        QCOMPARE(BuildSummary::interruptText(),
            QStringLiteral("Cancelling build after receiving interrupt"));
    }

    void successWithArtifacts()
    {
        BuildSummary summary;
        summary.add("file.f", {},
            {artifact("File", "Stored file: out/f.txt", {"out/f.txt"}),
                artifact({}, "Created artifact from files: a, b", {"a", "b"})});
        RecordingUi ui;
        summary.write(ui, 4 * Ms, false);
        QCOMPARE(ui.calls,
            (QStringList{
                "say|\n==> Wait completed after 4 milliseconds",
                "say|\n==> Builds finished. The artifacts of successful builds are:",
                "machine|file.f|artifact-count|2",
                "machine|file.f|artifact|0|builder-id|kiln.test",
                "machine|file.f|artifact|0|id|File",
                "machine|file.f|artifact|0|string|Stored file: out/f.txt",
                "machine|file.f|artifact|0|files-count|1",
                "machine|file.f|artifact|0|file|0|out/f.txt",
                "machine|file.f|artifact|0|end",
                "say|--> file.f: Stored file: out/f.txt",
                "machine|file.f|artifact|1|builder-id|kiln.test",
                "machine|file.f|artifact|1|id|",
                "machine|file.f|artifact|1|string|Created artifact from files: a, b",
                "machine|file.f|artifact|1|files-count|2",
                "machine|file.f|artifact|1|file|0|a",
                "machine|file.f|artifact|1|file|1|b",
                "machine|file.f|artifact|1|end",
                "say|--> file.f: Created artifact from files: a, b",
            }));
        QCOMPARE(summary.exitCode(false), 0);
    }

    void errorsThenArtifactsInBuildOrder()
    {
        BuildSummary summary;
        summary.add("z", "boom", {artifact("x", "partial")}); // a failed build lists no artifacts
        summary.add("a", {}, {artifact("y", "made")});
        summary.add("m", "bang", {});
        RecordingUi ui;
        summary.write(ui, 2 * 1000 * Ms, false);
        QCOMPARE(ui.calls,
            (QStringList{
                "say|\n==> Wait completed after 2 seconds",
                "machine||error-count|2",
                "error|\n==> Some builds didn't complete successfully and had errors:",
                "machine|z|error|boom",
                "error|--> z: boom",
                "machine|m|error|bang",
                "error|--> m: bang",
                "say|\n==> Builds finished. The artifacts of successful builds are:",
                "machine|a|artifact-count|1",
                "machine|a|artifact|0|builder-id|kiln.test",
                "machine|a|artifact|0|id|y",
                "machine|a|artifact|0|string|made",
                "machine|a|artifact|0|files-count|0",
                "machine|a|artifact|0|end",
                "say|--> a: made",
            }));
        QVERIFY(summary.hasErrors());
        QCOMPARE(summary.exitCode(false), 1);
    }

    void noArtifacts()
    {
        BuildSummary summary;
        summary.add("n", {}, {}); // a builder that produced nothing
        RecordingUi ui;
        summary.write(ui, 0, false);
        QCOMPARE(ui.calls,
            (QStringList{"say|\n==> Wait completed after 0 seconds",
                "say|\n==> Builds finished but no artifacts were created."}));
    }

    void nilArtifact()
    {
        BuildSummary summary;
        summary.add("n", {}, {nullptr});
        RecordingUi ui;
        summary.write(ui, 0, false);
        QCOMPARE(ui.calls.mid(2),
            (QStringList{"machine|n|artifact-count|1", "machine|n|artifact|0|nil",
                "machine|n|artifact|0|end", "say|--> n: <nothing>"}));
    }

    void interruptedStopsAfterWait()
    {
        BuildSummary summary;
        summary.add("n", "Build was cancelled.", {});
        RecordingUi ui;
        summary.write(ui, 1834 * Ms, true);
        QCOMPARE(ui.calls,
            (QStringList{"say|\n==> Wait completed after 1 second 834 milliseconds",
                "say|Cleanly cancelled builds after being interrupted."}));
        QCOMPARE(summary.exitCode(true), 1);
    }

    void fromEvents()
    {
        BuildSummary summary;
        auto post = [&summary](BuildEvent::Kind kind, const QString &build, int index,
                        kiln::build::ArtifactPtr a, const QString &error) {
            BuildEvent e;
            e.kind = kind;
            e.build = build;
            e.artifactIndex = index;
            e.artifact = std::move(a);
            e.error = error;
            summary.post(e);
        };
        post(BuildEvent::Kind::Say, "b", 0, {}, {}); // ignored
        post(BuildEvent::Kind::Artifact, "b", 1, artifact("2", "second"), {});
        post(BuildEvent::Kind::Artifact, "b", 0, artifact("1", "first"), {});
        post(BuildEvent::Kind::BuildFinished, "b", 0, {}, {});
        post(BuildEvent::Kind::BuildFinished, "c", 0, {}, "failed");
        RecordingUi ui;
        summary.write(ui, Ms, false);
        QVERIFY(ui.calls.contains("error|--> c: failed"));
        const qsizetype first = ui.calls.indexOf("say|--> b: first");
        QVERIFY(first > 0);
        QCOMPARE(ui.calls.indexOf("say|--> b: second"), first + 6);
    }

    void fromBuildResults()
    {
        kiln::build::BuildResult ok;
        ok.name = "ok";
        ok.artifacts = {artifact("i", "s")};
        kiln::build::BuildResult bad;
        bad.name = "bad";
        bad.error = "e";
        BuildSummary summary;
        summary.add(ok);
        summary.add(bad);
        RecordingUi ui;
        summary.write(ui, Ms, false);
        QVERIFY(ui.calls.contains("error|--> bad: e"));
        QVERIFY(ui.calls.contains("say|--> ok: s"));
    }

    void secretsScrubbed()
    {
        auto secrets = std::make_shared<kiln::build::SecretFilter>();
        secrets->add(QStringLiteral("t0ps3cret"));
        BuildSummary summary(secrets);
        summary.add("a", "login with t0ps3cret failed", {});
        summary.add("b", {}, {artifact("id-t0ps3cret", "made t0ps3cret", {"/tmp/t0ps3cret.img"})});
        RecordingUi ui;
        summary.write(ui, Ms, false);
        QVERIFY(!ui.calls.join(QLatin1Char('\n')).contains(QLatin1String("t0ps3cret")));
        QVERIFY(ui.calls.contains("error|--> a: login with <sensitive> failed"));
        QVERIFY(ui.calls.contains("machine|b|artifact|0|file|0|/tmp/<sensitive>.img"));
    }
};

QTEST_GUILESS_MAIN(TestBuildSummary)
#include "tst_buildsummary.moc"
