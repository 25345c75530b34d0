// The shell provisioner run for real through a LocalCommunicator: the "remote" folder is a
// temporary directory, the script really runs under /bin/sh.

#include "components/Descriptors.h"
#include "support/BuildHarness.h"
#include "components/shared/ShellEnvVars.h"
#include "engine/build/BuildContext.h"
#include "engine/build/Provisioner.h"
#include "engine/build/SecretFilter.h"
#include "engine/communicator/LocalCommunicator.h"
#include "engine/communicator/NoneCommunicator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
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

std::unique_ptr<build::Provisioner> makeShell()
{
    auto made = components::shellProvisionerDescriptor().create();
    return std::unique_ptr<build::Provisioner>(dynamic_cast<build::Provisioner *>(made.release()));
}

// Prepares and runs; returns provision()'s error, or the prepare errors joined.
QString runShell(Harness &h, comm::Communicator &comm, const QVariantMap &config)
{
    auto p = makeShell();
    const build::PrepareResult prepared = p->prepare(configFrom(config));
    if (!prepared.ok())
        return QStringLiteral("prepare: ") + prepared.errors.join(QStringLiteral(" | "));
    return p->provision(h.ctx, comm);
}

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll())
                                       : QStringLiteral("<missing>");
}

// A communicator whose remote end "goes away" when the command is killed by a signal: how
// an SSH session looks when the machine reboots under it.
class DisconnectingCommunicator : public comm::LocalCommunicator
{
public:
    comm::CommandResult run(
        const comm::RemoteCommand &cmd, const build::CancelTokenPtr &cancel) override
    {
        comm::CommandResult r = LocalCommunicator::run(cmd, cancel);
        if (r.error.isEmpty() && r.exitStatus == -1)
            r.disconnected = true;
        commands << cmd.command;
        return r;
    }
    QStringList commands;
};

// Kills the leader of the command's process group (the `sh -c` running execute_command, or
// the script when the shell exec'd it): the command then ends by a signal.
QString killLeader()
{
    return QStringLiteral("kill -KILL $(awk '{print $5}' /proc/$$/stat)");
}

} // namespace

class TestShellProvisioner : public QObject
{
    Q_OBJECT

private slots:
    void prepareErrors_data()
    {
        QTest::addColumn<QVariantMap>("config");
        QTest::addColumn<QStringList>("errors");
        QTest::newRow("nothing") << QVariantMap{}
                                 << QStringList{
                                        "Either a script file or inline script must be specified."};
        QTest::newRow("empty inline is nil")
            << QVariantMap{{"inline", QStringList{}}}
            << QStringList{"Either a script file or inline script must be specified."};
        QTest::newRow("script and inline")
            << QVariantMap{{"inline", QStringList{"true"}}, {"script", "/bin/true"}}
            << QStringList{"Only a script file or an inline script can be specified, not both."};
        QTest::newRow("script and scripts")
            << QVariantMap{{"script", "/bin/true"}, {"scripts", QStringList{"/bin/false"}}}
            << QStringList{"Only one of script or scripts can be specified."};
        QTest::newRow("missing script")
            << QVariantMap{{"scripts", QStringList{"/nonexistent/a.sh"}}}
            << QStringList{"Bad script '/nonexistent/a.sh': stat /nonexistent/a.sh: no such file "
                           "or directory"};
        QTest::newRow("bad env vars")
            << QVariantMap{{"inline", QStringList{"true"}},
                   {"environment_vars", QStringList{"=foo", "foobar", "OK=1"}}}
            << QStringList{"Environment variable not in format 'key=value': =foo",
                   "Environment variable not in format 'key=value': foobar"};
        QTest::newRow("bad duration") << QVariantMap{{"inline", QStringList{"true"}},
            {"pause_after", "soon"}} << QStringList{"time: invalid duration \"soon\""};
    }

    void prepareErrors()
    {
        QFETCH(QVariantMap, config);
        QFETCH(QStringList, errors);
        auto p = makeShell();
        QCOMPARE(p->prepare(configFrom(config)).errors, errors);
    }

    void inlineRunsStreamsAndCleansUp()
    {
        Harness h;
        QTemporaryDir remote;
        comm::LocalCommunicator comm;
        const QString err = runShell(h, comm,
            {{"inline",
                 QStringList{"echo hello", "echo oops >&2", "echo '  trailing  '",
                     "printf 'a\\rb\\n'", "echo", "printf partial"}},
                {"remote_folder", remote.path()}});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QStringList says = h.sink.says();
        QCOMPARE(says.size(), 1);
        QVERIFY2(says.first().startsWith(
                     "Provisioning with shell script: " + QDir::tempPath() + "/packer-shell"),
            qPrintable(says.first()));
        // Packer 1.6.6 shows exactly these lines for the same commands (stdout as messages,
        // stderr as errors, right-trimmed, text before the last \r dropped, empty lines kept).
        QCOMPARE(h.sink.messages(), (QStringList{"hello", "  trailing", "b", "", "partial"}));
        QCOMPARE(h.sink.errors(), QStringList{"oops"});
        // The uploaded script is removed, and so is the local inline script.
        QCOMPARE(QDir(remote.path()).entryList(QDir::Files), QStringList{});
        QVERIFY(!QFile::exists(
            says.first().mid(QStringLiteral("Provisioning with shell script: ").size())));
    }

    void outputLinesAcrossChunks()
    {
        Harness h;
        QTemporaryDir remote;
        comm::LocalCommunicator comm;
        const QString err = runShell(h, comm,
            {{"inline",
                 QStringList{
                     "printf abc; sleep 0.2; printf 'def\\nghi'; sleep 0.2; printf 'jkl\\r\\n'",
                     "printf '\\303'; sleep 0.2; printf '\\251t\\303\\251\\n'"}},
                {"remote_folder", remote.path()}});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QCOMPARE(h.sink.messages(), (QStringList{"abcdef", "ghijkl", QString::fromUtf8("été")}));
    }

    void environmentVariablesAreQuoted()
    {
        Harness h;
        h.ctx.generatedData = {{"PackerHTTPAddr", "10.0.2.2:8123"},
            {"PackerHTTPIP", "ERR_HTTP_IP_NOT_IMPLEMENTED_BY_BUILDER"}, {"PackerHTTPPort", "8123"}};
        QTemporaryDir remote;
        comm::LocalCommunicator comm;
        const QString err = runShell(h, comm,
            {{"inline",
                 QStringList{
                     "echo \"$A|$B|$C|$PACKER_BUILD_NAME|$PACKER_BUILDER_TYPE|$PACKER_HTTP_ADDR|"
                     "${PACKER_HTTP_IP-unset}|$PACKER_HTTP_PORT\""}},
                {"environment_vars", QStringList{"A=it's", "B=x=y 'q'", "C=overridden"}},
                {"env", QVariantMap{{"C", "c'd"}}}, {"remote_folder", remote.path()}});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QCOMPARE(h.sink.messages(),
            QStringList{"it's|x=y 'q'|c'd|example|null|10.0.2.2:8123|unset|8123"});
    }

    void varsTemplateIsPackersFlattening()
    {
        components::ShellEnvVars env("example", "null", {});
        env.addVars({"A=it's", "Z=1"});
        env.addEnv({{"B", "b"}});
        QCOMPARE(env.flatten("%s='%s' "),
            QStringLiteral("A='it'\"'\"'s' B='b' PACKER_BUILDER_TYPE='null' "
                           "PACKER_BUILD_NAME='example' Z='1' "));
        QCOMPARE(components::ShellEnvVars::goSprintf("%s=%s %q", {"a", "b"}),
            QStringLiteral("a=b %!q(MISSING)"));
        QCOMPARE(components::ShellEnvVars::goSprintf("%s", {"a", "b"}),
            QStringLiteral("a%!(EXTRA string=b)"));

        // {{ .Vars }} in a custom execute_command is exactly that text (a quoted here-document
        // shows it unexpanded), for the default format and a custom one.
        for (const QString &format : {QString(), QStringLiteral("%s=%s;")}) {
            Harness h;
            QTemporaryDir remote;
            comm::LocalCommunicator comm;
            QVariantMap config{{"inline", QStringList{"true"}},
                {"environment_vars", QStringList{"A=it's"}},
                {"execute_command", "cat <<'EOF'\n{{.Vars}}\n{{ .Path }}\nEOF"},
                {"remote_path", remote.filePath("s.sh")}};
            if (!format.isEmpty())
                config.insert("env_var_format", format);
            const QString err = runShell(h, comm, config);
            QVERIFY2(err.isEmpty(), qPrintable(err));
            const QString vars = format.isEmpty()
                ? QStringLiteral(
                    "A='it'\"'\"'s' PACKER_BUILDER_TYPE='null' PACKER_BUILD_NAME='example'")
                : QStringLiteral(
                    "A=it'\"'\"'s;PACKER_BUILDER_TYPE=null;PACKER_BUILD_NAME=example;");
            QCOMPARE(h.sink.messages(), (QStringList{vars, remote.filePath("s.sh")}));
        }
    }

    void envVarFileIsUploadedSourcedAndRemoved()
    {
        Harness h;
        QTemporaryDir remote;
        comm::LocalCommunicator comm;
        QString err = runShell(h, comm,
            {{"inline", QStringList{"echo \"$A|$PACKER_BUILD_NAME\""}},
                {"environment_vars", QStringList{"A=it's here"}}, {"use_env_var_file", true},
                {"remote_folder", remote.path()}});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QCOMPARE(h.sink.messages(), QStringList{"it's here|example"});
        QCOMPARE(QDir(remote.path()).entryList(QDir::Files), QStringList{});

        // skip_clean leaves both files; the var file holds `export` lines, mode 0600.
        Harness kept;
        err = runShell(kept, comm,
            {{"inline", QStringList{"true"}}, {"environment_vars", QStringList{"A=it's"}},
                {"use_env_var_file", true}, {"skip_clean", true}, {"remote_folder", remote.path()},
                {"remote_file", "kept.sh"}});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QStringList files = QDir(remote.path()).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.first(), QStringLiteral("kept.sh"));
        QVERIFY(files.last().startsWith("varfile_") && files.last().endsWith(".sh"));
        QCOMPARE(readAll(remote.filePath(files.last())),
            QStringLiteral("export A='it'\"'\"'s'\nexport PACKER_BUILDER_TYPE='null'\n"
                           "export PACKER_BUILD_NAME='example'\n"));
        QCOMPARE(QFile::permissions(remote.filePath(files.last())),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                | QFileDevice::WriteUser);
    }

    void executeCommandErrors_data()
    {
        QTest::addColumn<QString>("executeCommand");
        QTest::addColumn<QString>("error");
        QTest::newRow("unclosed") << "{{ .Path"
                                  << "Error processing command: template: root:1: unclosed action";
        QTest::newRow("unknown function")
            << "{{ nosuch .Path }}"
            << "Error processing command: template: root:1: function \"nosuch\" not defined";
    }

    void executeCommandErrors()
    {
        QFETCH(QString, executeCommand);
        QFETCH(QString, error);
        Harness h;
        QTemporaryDir remote;
        comm::LocalCommunicator comm;
        QCOMPARE(runShell(h, comm,
                     {{"inline", QStringList{"true"}}, {"execute_command", executeCommand},
                         {"remote_folder", remote.path()}}),
            error);
    }

    void inlineIsInterpolatedWithGeneratedData()
    {
        Harness h;
        h.ctx.generatedData = {{"ID", "i-123"}};
        QTemporaryDir remote;
        comm::LocalCommunicator comm;
        QString err = runShell(h, comm,
            {{"inline",
                 QStringList{"echo {{ .ID }} {{ build `ID` }} {{ build_name }} {{ build_type }}"}},
                {"remote_folder", remote.path()}});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QCOMPARE(h.sink.messages(), QStringList{"i-123 i-123 example null"});
        err = runShell(
            h, comm, {{"inline", QStringList{"echo {{ .ID"}}, {"remote_folder", remote.path()}});
        QCOMPARE(
            err, QStringLiteral("Error interpolating Inline: template: root:1: unclosed action"));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QVariantList>("valid");
        QTest::addColumn<QString>("error");
        QTest::newRow("zero") << "exit 0" << QVariantList{} << "";
        QTest::newRow("two")
            << "exit 2" << QVariantList{}
            << "Script exited with non-zero exit status: 2. Allowed exit codes are: [0]";
        QTest::newRow("allowed") << "exit 2" << QVariantList{0, 2} << "";
        QTest::newRow("listed")
            << "exit 2" << QVariantList{1, 3}
            << "Script exited with non-zero exit status: 2. Allowed exit codes are: [1 3]";
        QTest::newRow("zero not allowed")
            << "exit 0" << QVariantList{3010}
            << "Script exited with non-zero exit status: 0. Allowed exit codes are: [3010]";
        // Without a communicator that calls it a disconnect, a signal is exit status -1.
        QTest::newRow("signal")
            << killLeader() << QVariantList{}
            << "Script exited with non-zero exit status: -1. Allowed exit codes are: [0]";
    }

    void exitCodes()
    {
        QFETCH(QString, command);
        QFETCH(QVariantList, valid);
        QFETCH(QString, error);
        Harness h;
        QTemporaryDir remote;
        comm::LocalCommunicator comm;
        QVariantMap config{{"inline", QStringList{command}}, {"remote_folder", remote.path()}};
        if (!valid.isEmpty())
            config.insert("valid_exit_codes", valid);
        QCOMPARE(runShell(h, comm, config), error);
    }

    void expectDisconnect()
    {
        QTemporaryDir remote;
        // The script kills the command's shell: to the provisioner, the connection died.
        const QVariantMap base{
            {"inline", QStringList{killLeader()}}, {"remote_folder", remote.path()}};
        {
            Harness h;
            DisconnectingCommunicator comm;
            QCOMPARE(runShell(h, comm, base),
                QStringLiteral(
                    "Script disconnected unexpectedly. If you expected your script to disconnect, "
                    "i.e. from a restart, you can try adding `\"expect_disconnect\": true` or "
                    "`\"valid_exit_codes\": [0, 2300218]` to the shell provisioner parameters."));
        }
        {
            Harness h;
            DisconnectingCommunicator comm;
            QVariantMap config = base;
            config.insert("expect_disconnect", true);
            const QString err = runShell(h, comm, config);
            QVERIFY2(err.isEmpty(), qPrintable(err));
            // Upload, chmod, run, then the removal still happens.
            QCOMPARE(comm.commands.size(), 3);
            QVERIFY(comm.commands.at(0).startsWith("chmod 0755 " + remote.path() + "/script_"));
            QVERIFY(comm.commands.at(2).startsWith("rm -f " + remote.path() + "/script_"));
            QCOMPARE(QDir(remote.path()).entryList(QDir::Files).size(), 1); // left by the first run
        }
    }

    void cancelKillsScriptAndChildren()
    {
        Harness h;
        QTemporaryDir remote;
        comm::LocalCommunicator comm;
        const QString marker = "kilnshell" + QUuid::createUuid().toString(QUuid::Id128);
        std::thread canceller([&] {
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < 5000 && !h.sink.messages().contains("started"))
                QThread::msleep(10);
            h.ctx.cancel->cancel();
        });
        QElapsedTimer clock;
        clock.start();
        const QString err = runShell(h, comm,
            {{"inline",
                 QStringList{QStringLiteral("sh -c 'sleep 1000; : %1' &").arg(marker),
                     "echo started", "wait"}},
                {"remote_folder", remote.path()}});
        canceller.join();
        QCOMPARE(err, QStringLiteral("cancelled"));
        QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
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

    void secretsAreScrubbedFromOutput()
    {
        Harness h;
        h.secrets->add(QStringLiteral("hunter2-secret"));
        QTemporaryDir remote;
        comm::LocalCommunicator comm;
        const QString err = runShell(h, comm,
            {{"inline", QStringList{"echo password=hunter2-secret", "echo hunter2-secret >&2"}},
                {"remote_folder", remote.path()}});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QCOMPARE(h.sink.messages(), QStringList{"password=<sensitive>"});
        QCOMPARE(h.sink.errors(), QStringList{"<sensitive>"});
        for (const auto &e : h.sink.events())
            QVERIFY(!e.text.contains("hunter2"));
    }

    void shebangsAndLineEndings()
    {
        QTemporaryDir remote;
        comm::LocalCommunicator comm;
        auto uploaded = [&](const QVariantMap &extra) {
            Harness h;
            // Only uploaded: a script with "\r\n" would not run.
            QVariantMap config{{"skip_clean", true}, {"remote_path", remote.filePath("s.sh")},
                {"execute_command", "true"}};
            config.insert(extra);
            const QString err = runShell(h, comm, config);
            return err.isEmpty() ? readAll(remote.filePath("s.sh")) : err;
        };
        QCOMPARE(uploaded({{"inline", QStringList{"echo ok"}}}),
            QStringLiteral("#!/bin/sh -e\necho ok\n"));
        QCOMPARE(uploaded({{"inline", QStringList{"#!/bin/sh", "echo ok"}}}),
            QStringLiteral("#!/bin/sh\necho ok\n"));
        QCOMPARE(uploaded({{"inline", QStringList{"#!/bin/sh", "echo ok"}},
                     {"inline_shebang", "/bin/sh -x"}}),
            QStringLiteral("#!/bin/sh -x\n#!/bin/sh\necho ok\n"));

        const QString script = remote.filePath("dos.sh");
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\r\necho dos\r\nexit 0");
        f.close();
        QCOMPARE(uploaded({{"script", script}}), QStringLiteral("#!/bin/sh\necho dos\nexit 0\n"));
        QCOMPARE(uploaded({{"script", script}, {"binary", true}}),
            QStringLiteral("#!/bin/sh\r\necho dos\r\nexit 0"));
    }

    void scriptsRunInOrder()
    {
        QTemporaryDir dir;
        for (const char *name : {"one", "two"}) {
            QFile f(dir.filePath(QString::fromLatin1(name) + ".sh"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("#!/bin/sh\necho ") + name + "\n");
        }
        Harness h;
        comm::LocalCommunicator comm;
        const QString err = runShell(h, comm,
            {{"scripts", QStringList{dir.filePath("one.sh"), dir.filePath("two.sh")}},
                {"remote_folder", dir.path()}, {"remote_file", "remote.sh"}});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QCOMPARE(h.sink.says(),
            (QStringList{"Provisioning with shell script: " + dir.filePath("one.sh"),
                "Provisioning with shell script: " + dir.filePath("two.sh")}));
        QCOMPARE(h.sink.messages(), (QStringList{"one", "two"}));
        QVERIFY(!QFile::exists(dir.filePath("remote.sh")));
    }

    void uploadFailureIsRetriedUntilStartRetryTimeout()
    {
        Harness h;
        comm::LocalCommunicator comm;
        QElapsedTimer clock;
        clock.start();
        const QString err = runShell(h, comm,
            {{"inline", QStringList{"true"}}, {"remote_path", "/nonexistent-kiln/s.sh"},
                {"start_retry_timeout", "500ms"}});
        QCOMPARE(err,
            QStringLiteral(
                "Error uploading script: open /nonexistent-kiln/s.sh: no such file or directory"));
        // One retry after Packer's 2 s pause, then the timeout has passed.
        QVERIFY2(clock.elapsed() >= 1900 && clock.elapsed() < 5000,
            qPrintable(QString::number(clock.elapsed())));
    }

    void noneCommunicatorCannotUpload()
    {
        Harness h;
        comm::NoneCommunicator comm;
        QCOMPARE(
            runShell(h, comm, {{"inline", QStringList{"true"}}, {"start_retry_timeout", "1ms"}}),
            QStringLiteral(
                "Error uploading script: Upload is not implemented when communicator = 'none'"));
    }

    void pauseAfterIsCancelAware()
    {
        Harness h;
        QTemporaryDir remote;
        comm::LocalCommunicator comm;
        QString err = runShell(h, comm,
            {{"inline", QStringList{"true"}}, {"remote_folder", remote.path()},
                {"pause_after", "150ms"}});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QCOMPARE(h.sink.says().last(), QStringLiteral("Pausing 150ms after this provisioner..."));

        Harness c;
        std::thread canceller([&] {
            QThread::msleep(300);
            c.ctx.cancel->cancel();
        });
        QElapsedTimer clock;
        clock.start();
        err = runShell(c, comm,
            {{"inline", QStringList{"true"}}, {"remote_folder", remote.path()},
                {"pause_after", "1h"}});
        canceller.join();
        QCOMPARE(err, QStringLiteral("context canceled"));
        QVERIFY(clock.elapsed() < 3000);
        QCOMPARE(c.sink.says().last(), QStringLiteral("Pausing 1h0m0s after this provisioner..."));
    }
};

QTEST_GUILESS_MAIN(TestShellProvisioner)
#include "tst_shell.moc"
