// The shell-local provisioner, run for real on this host. Expectations marked "1.6.6" were
// observed running Debian's packer 1.6.6 on the same settings (null builder, communicator none).

#include "components/Descriptors.h"
#include "support/BuildHarness.h"
#include "engine/build/BuildContext.h"
#include "engine/build/Provisioner.h"
#include "engine/build/SecretFilter.h"
#include "engine/communicator/NoneCommunicator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>
#include <mutex>
#include <thread>

using namespace kiln;

namespace {

using test::configFrom;
using test::Harness;
using test::RecordingSink;
using test::toValue;

std::unique_ptr<build::Provisioner> makeShellLocal()
{
    auto made = components::shellLocalProvisionerDescriptor().create();
    return std::unique_ptr<build::Provisioner>(dynamic_cast<build::Provisioner *>(made.release()));
}

QString runShellLocal(Harness &h, const QVariantMap &config)
{
    auto p = makeShellLocal();
    const build::PrepareResult prepared = p->prepare(configFrom(config));
    if (!prepared.ok())
        return QStringLiteral("prepare: ") + prepared.errors.join(QStringLiteral(" | "));
    // shell-local ignores the build's communicator: with "none" it still runs on the host.
    comm::NoneCommunicator none;
    return p->provision(h.ctx, none);
}

const QString tooMany = QStringLiteral(
    "You may only specify one of the following options: Command, Inline, Script or "
    "Scripts. Please consolidate these options in your config.");

} // namespace

class TestShellLocalProvisioner : public QObject
{
    Q_OBJECT

private slots:
    void prepareErrors_data()
    {
        QTest::addColumn<QVariantMap>("config");
        QTest::addColumn<QStringList>("errors");
        QTest::newRow("nothing")
            << QVariantMap{}
            << QStringList{"Command, Inline, Script and Scripts options cannot all be empty."};
        QTest::newRow("command and inline") << QVariantMap{{"command", "true"},
            {"inline", QStringList{"true"}}} << QStringList{tooMany};
        QTest::newRow("script and inline")
            << QVariantMap{{"script", "/bin/true"}, {"inline", QStringList{"true"}}}
            << QStringList{tooMany};
        QTest::newRow("missing script")
            << QVariantMap{{"script", "/nonexistent/x.sh"}}
            << QStringList{"Bad script '/nonexistent/x.sh': stat /nonexistent/x.sh: no such file "
                           "or directory"};
        QTest::newRow("bad only_on replaces the rest")
            << QVariantMap{{"only_on", QStringList{"linux", "beos"}}}
            << QStringList{"Invalid OS specified in only_on: 'beos'\nSupported OS names: darwin, "
                           "freebsd, linux, "
                           "openbsd, solaris, windows"};
        QTest::newRow("linux pathing with inline")
            << QVariantMap{{"inline", QStringList{"true"}}, {"use_linux_pathing", true}}
            << QStringList{
                   "Packer is unable to use the Command and Inline features with the Windows Linux "
                   "Subsystem. Please use the Script or Scripts options instead"};
        QTest::newRow("linux pathing with a unix path")
            << QVariantMap{{"script", "/bin/true"}, {"use_linux_pathing", true}}
            << QStringList{"There was an error splitting your absolute path; expected to find a "
                           "drive following the "
                           "format ':/' but did not: absolute path: /bin/true"};
        QTest::newRow("bad env var")
            << QVariantMap{{"inline", QStringList{"true"}}, {"environment_vars", QStringList{"X"}}}
            << QStringList{"Environment variable not in format 'key=value': X"};
    }

    void prepareErrors()
    {
        QFETCH(QVariantMap, config);
        QFETCH(QStringList, errors);
        QCOMPARE(makeShellLocal()->prepare(configFrom(config)).errors, errors);
    }

    void inlineOutputAsPacker166()
    {
        Harness h;
        const QString err = runShellLocal(h,
            {{"inline",
                 QStringList{"echo hello", "printf 'partial'", "echo; echo err >&2",
                     "echo '  trailing  '", "printf 'a\\rb\\n'", "echo",
                     "echo "
                     "\"$FOO|$PACKER_BUILD_NAME|$PACKER_BUILDER_TYPE|${PACKER_HTTP_ADDR-unset}\""}},
                {"environment_vars", QStringList{"FOO=it's"}}});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QCOMPARE(h.sink.says().size(), 1);
        QVERIFY(h.sink.says().first().startsWith(
            "Running local shell script: " + QDir::tempPath() + "/packer-shell"));
        // 1.6.6 (build name "null" there: its builder is unnamed).
        QCOMPARE(h.sink.messages(),
            (QStringList{"hello", "partial", "  trailing", "b", "", "it's|example|null|unset"}));
        QCOMPARE(h.sink.errors(), QStringList{"err"});
        const QString script
            = h.sink.says().first().mid(QStringLiteral("Running local shell script: ").size());
        QVERIFY(!QFile::exists(script));
    }

    void exitCodes()
    {
        Harness h;
        QCOMPARE(runShellLocal(h,
                     {{"inline", QStringList{"exit 2"}}, {"valid_exit_codes", QVariantList{0, 2}}}),
            QString());
        // 1.6.6 prints "3.Allowed" (no space); current Packer, which Kiln follows, "3. Allowed".
        QCOMPARE(runShellLocal(h, {{"inline", QStringList{"exit 3"}}}),
            QStringLiteral(
                "Script exited with non-zero exit status: 3. Allowed exit codes are: [0]"));
    }

    void commandScriptsAndExecuteCommand()
    {
        Harness h;
        QCOMPARE(runShellLocal(h, {{"command", "echo from-command"}}), QString());
        QTemporaryDir dir;
        QFile f(dir.filePath("s.sh"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("echo \"script:$1:$FOO\"\n");
        f.close();
        QCOMPARE(runShellLocal(h,
                     {{"script", dir.filePath("s.sh")}, {"env", QVariantMap{{"FOO", "a b"}}},
                         {"execute_command",
                             QStringList{"/bin/sh", "-c", "{{.Vars}} /bin/sh {{.Script}} arg"}}}),
            QString());
        QCOMPARE(h.sink.messages(), (QStringList{"from-command", "script:arg:a b"}));
        QCOMPARE(h.sink.says().last(), "Running local shell script: " + dir.filePath("s.sh"));
    }

    void tempfileExtensionAndShebang()
    {
        Harness h;
        QCOMPARE(runShellLocal(h,
                     {{"inline", QStringList{"echo \"$0\"", "head -n1 \"$0\""}},
                         {"tempfile_extension", ".sh"}, {"inline_shebang", "/bin/sh -u"}}),
            QString());
        QCOMPARE(h.sink.messages().size(), 2);
        QVERIFY(h.sink.messages().at(0).endsWith(".sh"));
        QCOMPARE(h.sink.messages().at(1), QStringLiteral("#!/bin/sh -u"));
    }

    void onlyOnOtherSystemsSkips()
    {
        Harness h;
        QCOMPARE(runShellLocal(h,
                     {{"inline", QStringList{"echo ran"}},
                         {"only_on", QStringList{"windows", "darwin"}}}),
            QString());
        QCOMPARE(h.sink.says(), QStringList{"Skipping shell-local due to runtime OS"});
        QVERIFY(h.sink.messages().isEmpty());
    }

    void startFailureAndTemplateErrors()
    {
        Harness h;
        const QString err = runShellLocal(h,
            {{"inline", QStringList{"true"}},
                {"execute_command", QStringList{"/nonexistent/kiln-shell", "{{.Script}}"}}});
        QVERIFY2(err.startsWith("Error executing script: " + QDir::tempPath() + "/packer-shell"),
            qPrintable(err));
        QVERIFY(err.endsWith("\n\nPlease see output above for more information."));
        QCOMPARE(
            runShellLocal(h,
                {{"inline", QStringList{"true"}}, {"execute_command", QStringList{"{{ .Script"}}}),
            QStringLiteral("Error processing command: template: root:1: unclosed action"));
    }

    void generatedDataIsVisible()
    {
        Harness h;
        h.ctx.generatedData = {{"ID", "i-42"}, {"PackerHTTPAddr", "10.0.2.2:8000"}};
        QCOMPARE(runShellLocal(h,
                     {{"inline", QStringList{"echo {{ .ID }} $PACKER_HTTP_ADDR $V"}},
                         {"environment_vars", QStringList{"V={{ .ID }}-v"}}}),
            QString());
        QCOMPARE(h.sink.messages(), QStringList{"i-42 10.0.2.2:8000 i-42-v"});
    }

    void secretsAreScrubbed()
    {
        Harness h;
        h.secrets->add("s3cr3t-token");
        QCOMPARE(runShellLocal(h, {{"inline", QStringList{"echo token=s3cr3t-token"}}}), QString());
        QCOMPARE(h.sink.messages(), QStringList{"token=<sensitive>"});
    }

    void cancelKillsTheGroup()
    {
        Harness h;
        const QString marker = "kilnlocal" + QUuid::createUuid().toString(QUuid::Id128);
        std::thread canceller([&] {
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < 5000 && !h.sink.messages().contains("started"))
                QThread::msleep(10);
            h.ctx.cancel->cancel();
        });
        QElapsedTimer clock;
        clock.start();
        const QString err = runShellLocal(h,
            {{"inline",
                QStringList{QStringLiteral("sh -c 'sleep 1000; : %1' &").arg(marker),
                    "echo started", "wait"}}});
        canceller.join();
        QVERIFY2(err.startsWith("Error executing script: "), qPrintable(err));
        QVERIFY(clock.elapsed() < 4000);
        auto survivors = [&] {
            int n = 0;
            for (const QString &pid : QDir("/proc").entryList(QDir::Dirs)) {
                QFile f("/proc/" + pid + "/cmdline");
                if (pid.toInt() > 0 && f.open(QIODevice::ReadOnly)
                    && f.readAll().contains(marker.toUtf8()))
                    ++n;
            }
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(survivors(), 0, 2000);
    }
};

QTEST_GUILESS_MAIN(TestShellLocalProvisioner)
#include "tst_shelllocal.moc"
