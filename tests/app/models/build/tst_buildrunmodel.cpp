// BuildRunModel runs real builds (null builder, shell-local) from real temporary templates
// and must deliver what the CLI prints, in batches, on the GUI thread.
#include "app/models/build/BuildRunModel.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace kiln;
using models::BuildRunModel;
using models::BuildState;
using models::ConsoleLine;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(KILN_FIXTURES_DIR "/build/") + name;
}

bool writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) == text.toUtf8().size();
}

// Durations differ from run to run; everything else must be the same.
QStringList normalised(const QString &text)
{
    static const QRegularExpression after(
        QStringLiteral(R"(after [0-9][^.:]*(?:\.[0-9]+ ?[a-z]+)?)"));
    static const QRegularExpression script(QStringLiteral(R"(/packer-shell[0-9]+)"));
    QString t = text;
    t.replace(after, QStringLiteral("after D"));
    t.replace(script, QStringLiteral("/packer-shellN"));
    return t.split(QLatin1Char('\n'));
}

bool processAlive(const QString &marker)
{
    QProcess p;
    p.start(QStringLiteral("pgrep"), {QStringLiteral("-f"), marker});
    p.waitForFinished(5000);
    return p.exitCode() == 0;
}

// A build whose provisioner sleeps for 30 s under a command line unique to this test,
// so pgrep can tell whether the child survived the cancel.
const char *sleeper = R"(variable "seconds" {
  type = string
}
source "null" "x" {
  communicator = "none"
}
build {
  sources = ["source.null.x"]
  provisioner "shell-local" {
    inline = ["echo started", "sleep ${var.seconds}", "echo never"]
  }
}
)";

models::RunRequest request(const QString &path)
{
    models::RunRequest r;
    r.path = path;
    return r;
}

const char *twoBuilds = R"(source "null" "first" {
  communicator = "none"
}

source "null" "second" {
  communicator = "none"
}

build {
  sources = ["source.null.first", "source.null.second"]

  provisioner "shell-local" {
    inline = ["echo hello from ${source.name}", "echo two lines", "echo oops >&2"]
  }

  post-processor "manifest" {
    output = "manifest.json"
  }
}
)";

} // namespace

class TestBuildRunModel : public QObject
{
    Q_OBJECT

private slots:
    void consoleEqualsCli_data()
    {
        QTest::addColumn<QString>("templateText");
        QTest::addColumn<QString>("fixtureName");
        QTest::newRow("two builds, provisioner, manifest")
            << QString::fromUtf8(twoBuilds) << QString();
        QTest::newRow("one build fails") << QString() << "failing.pkr.hcl";
        QTest::newRow("secrets") << QString() << "secrets.pkr.hcl";
    }

    void consoleEqualsCli()
    {
        QFETCH(QString, templateText);
        QFETCH(QString, fixtureName);
        QTemporaryDir guiDir;
        QTemporaryDir cliDir;
        for (const QTemporaryDir *d : {&guiDir, &cliDir}) {
            if (fixtureName.isEmpty())
                QVERIFY(writeFile(d->filePath("t.pkr.hcl"), templateText));
            else
                QVERIFY(QFile::copy(fixture(fixtureName), d->filePath("t.pkr.hcl")));
        }

        // -parallel-builds=1 makes the interleaving deterministic on both sides.
        QProcess cli;
        cli.setWorkingDirectory(cliDir.path());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PACKER_NO_COLOR"), QStringLiteral("1"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(KILN_BINARY), {"build", "-parallel-builds=1", "t.pkr.hcl"});
        QVERIFY(cli.waitForFinished(30000));
        const QString cliOut = QString::fromUtf8(cli.readAllStandardOutput());

        const QString cwd = QDir::currentPath();
        QDir::setCurrent(guiDir.path());
        BuildRunModel model;
        models::RunRequest r = request(QStringLiteral("t.pkr.hcl"));
        r.parallel = 1;
        QVERIFY(model.start(r));
        QVERIFY(model.waitForFinished(30000));
        QDir::setCurrent(cwd);

        QCOMPARE(model.exitCode(), cli.exitCode());
        QCOMPARE(normalised(model.allConsole().text(true)), normalised(cliOut));
        QVERIFY(!model.allConsole().text(true).contains("s3cr3t"));
    }

    void buildPanesDropThePrefix()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("t.pkr.hcl"), QString::fromUtf8(twoBuilds)));
        BuildRunModel model;
        QVERIFY(model.start(request(dir.filePath("t.pkr.hcl"))));
        QVERIFY(model.waitForFinished(30000));
        QCOMPARE(model.buildNames(), QStringList({"null.first", "null.second"}));
        const models::BuildRunInfo *first = model.build("null.first");
        QVERIFY(first);
        QCOMPARE(first->state, BuildState::Succeeded);
        const QString pane = first->console.text(false);
        QVERIFY2(pane.contains("==> Running local shell script: "), qPrintable(pane));
        QVERIFY(pane.contains("\n    hello from first\n"));
        QVERIFY(pane.contains("\n==> oops\n"));
        QVERIFY(!pane.contains("null.second"));
        QVERIFY(!pane.contains("==> null.first:"));
        QCOMPARE(first->artifacts.size(), 2); // the builder's and the manifest's
        QCOMPARE(model.exitCode(), 0);
    }

    void eventsArriveBatchedOnTheGuiThread()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("t.pkr.hcl"), QStringLiteral(R"(source "null" "x" {
  communicator = "none"
}
build {
  sources = ["source.null.x"]
  provisioner "shell-local" {
    inline = ["seq 1 20000"]
  }
}
)")));
        BuildRunModel model;
        int batches = 0;
        int lines = 0;
        bool offThread = false;
        connect(&model, &BuildRunModel::linesAppended, this, [&](const QList<ConsoleLine> &batch) {
            ++batches;
            lines += int(batch.size());
            offThread |= QThread::currentThread() != qApp->thread();
        });
        QVERIFY(model.start(request(dir.filePath("t.pkr.hcl"))));
        QVERIFY(model.waitForFinished(60000));
        QVERIFY(!offThread);
        const models::BuildRunInfo *b = model.build("null.x");
        QVERIFY(b);
        QVERIFY2(b->console.text(false).contains("\n    20000\n"), "the last line arrived");
        QVERIFY(lines >= 20000);
        QCOMPARE(batches, model.batchCount());
        // One signal per flush, never one per line or per event.
        QVERIFY2(batches < 200, qPrintable(QString::number(batches)));
        QVERIFY2(batches * 100 < lines,
            qPrintable(QStringLiteral("%1 batches for %2 lines").arg(batches).arg(lines)));
        QVERIFY(model.eventsReceived() > 0);
    }

    void stopDuringSleepCancelsCleanly()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("t.pkr.hcl"), QString::fromUtf8(sleeper)));
        const QString seconds = QStringLiteral("30.%1").arg(QCoreApplication::applicationPid());
        const QString marker = QStringLiteral("sleep ") + seconds;
        BuildRunModel model;
        models::RunRequest r = request(dir.filePath("t.pkr.hcl"));
        r.vars.append({tmpl::VarSetting::Kind::Var, QStringLiteral("seconds"), seconds});
        QVERIFY(model.start(r));
        QTRY_VERIFY_WITH_TIMEOUT(
            model.build("null.x") && model.build("null.x")->console.text(false).contains("started"),
            20000);
        QTRY_VERIFY_WITH_TIMEOUT(processAlive(marker), 5000);
        QElapsedTimer t;
        t.start();
        model.cancel();
        QVERIFY(model.waitForFinished(15000));
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(model.wasCancelled());
        QCOMPARE(model.exitCode(), 1);
        QCOMPARE(model.build("null.x")->state, BuildState::Cancelled);
        QVERIFY2(!processAlive(marker), "the sleep was killed");
        const QString all = model.allConsole().text(true);
        QVERIFY2(all.contains("Cancelling build after receiving interrupt"), qPrintable(all));
        QVERIFY(all.contains("Cleanly cancelled builds after being interrupted."));
        QVERIFY(!all.contains("never"));
    }

    void askAnswers_data()
    {
        QTest::addColumn<QStringList>("answers");
        QTest::addColumn<bool>("cleanupProvisionerRan");
        QTest::addColumn<QString>("expected");
        QTest::newRow("clean up") << QStringList{"c"} << true << "Build 'null.x' errored after";
        QTest::newRow("abort") << QStringList{"a"} << false << "Aborting without cleanup";
        QTest::newRow("retry, then clean up")
            << QStringList{"r", "c"} << true << "Build 'null.x' errored after";
        QTest::newRow("wrong input is refused")
            << QStringList{"x", "c"} << true << "==> Incorrect input: ";
    }

    void askAnswers()
    {
        QFETCH(QStringList, answers);
        QFETCH(bool, cleanupProvisionerRan);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(QFile::copy(fixture("cleanup.pkr.hcl"), dir.filePath("t.pkr.hcl")));
        BuildRunModel model;
        QStringList queue = answers;
        int asked = 0;
        connect(&model, &BuildRunModel::questionAsked, this,
            [&](quint64 id, const QString &build, const QString &q) {
                ++asked;
                QCOMPARE(build, QStringLiteral("null.x"));
                QVERIFY(q.contains(
                    "[c] Clean up and exit, [a] abort without cleanup, or [r] retry step"));
                QVERIFY(!queue.isEmpty());
                model.answer(id, queue.takeFirst());
            });
        models::RunRequest r = request(dir.filePath("t.pkr.hcl"));
        r.options.onError = build::OnError::Ask;
        QVERIFY(model.start(r));
        QVERIFY(model.waitForFinished(30000));
        QCOMPARE(asked, int(answers.size()));
        QCOMPARE(model.exitCode(), 1);
        QCOMPARE(model.build("null.x")->state, BuildState::Failed);
        const QString pane = model.build("null.x")->console.text(false);
        QVERIFY2(pane.contains(expected), qPrintable(pane));
        QCOMPARE(pane.contains("cleanup provisioner ran"), cleanupProvisionerRan);
        // The question shows in the build's console, as in the terminal.
        QCOMPARE(pane.count("==> [c] Clean up and exit"), answers.size());
    }

    void stopWhileAskingDoesNotDeadlock()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(fixture("cleanup.pkr.hcl"), dir.filePath("t.pkr.hcl")));
        BuildRunModel model;
        QSignalSpy asked(&model, &BuildRunModel::questionAsked);
        QSignalSpy withdrawn(&model, &BuildRunModel::questionWithdrawn);
        models::RunRequest r = request(dir.filePath("t.pkr.hcl"));
        r.options.onError = build::OnError::Ask;
        QVERIFY(model.start(r));
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 20000);
        QElapsedTimer t;
        t.start();
        model.cancel();
        QVERIFY(model.waitForFinished(10000));
        QVERIFY(t.elapsed() < 5000);
        QTRY_COMPARE(withdrawn.size(), 1);
        QCOMPARE(withdrawn.first().first().toULongLong(), asked.first().first().toULongLong());
        QCOMPARE(model.build("null.x")->state, BuildState::Cancelled);
    }

    void destroyingARunningModelCleansUp()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("t.pkr.hcl"), QString::fromUtf8(sleeper)));
        const QString seconds = QStringLiteral("30.%11").arg(QCoreApplication::applicationPid());
        const QString marker = QStringLiteral("sleep ") + seconds;
        {
            BuildRunModel model;
            models::RunRequest r = request(dir.filePath("t.pkr.hcl"));
            r.vars.append({tmpl::VarSetting::Kind::Var, QStringLiteral("seconds"), seconds});
            QVERIFY(model.start(r));
            QTRY_VERIFY_WITH_TIMEOUT(processAlive(marker), 20000);
        }
        QVERIFY(!processAlive(marker));
    }

    void copyProgressReachesTheGui()
    {
        QTemporaryDir dir;
        QFile big(dir.filePath("disk.img"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(48 * 1024 * 1024));
        big.close();
        QVERIFY(writeFile(dir.filePath("t.pkr.hcl"),
            QStringLiteral(R"(source "file" "copy" {
  source = "%1"
  target = "%2"
}
build {
  sources = ["source.file.copy"]
}
)")
                .arg(dir.filePath("disk.img"), dir.filePath("out.img"))));
        BuildRunModel model;
        QList<qint64> bytes;
        qint64 total = 0;
        connect(&model, &BuildRunModel::progressChanged, this,
            [&](const QString &build, const QString &what, qint64 b, qint64 t) {
                QCOMPARE(build, QStringLiteral("file.copy"));
                QCOMPARE(what, QStringLiteral("disk.img"));
                bytes << b;
                total = t;
            });
        QVERIFY(model.start(request(dir.filePath("t.pkr.hcl"))));
        QVERIFY(model.waitForFinished(60000));
        QCOMPARE(model.exitCode(), 0);
        QVERIFY(!bytes.isEmpty());
        QCOMPARE(total, qint64(48 * 1024 * 1024));
        QCOMPARE(bytes.last(), total);
        QVERIFY(std::is_sorted(bytes.begin(), bytes.end()));
        // Coalesced: never more reports than the builder posted.
        QVERIFY(model.eventsReceived() >= bytes.size());
        QVERIFY(model.build("file.copy")->progressWhat.isEmpty()); // done: no transfer running
        QCOMPARE(QFileInfo(dir.filePath("out.img")).size(), total);
    }

    void templateErrorsBecomeDiagnostics()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("t.pkr.hcl"),
            QStringLiteral("source \"null\" \"x\" {\n  communicator = \"none\"\n  bogus = 1\n}\n"
                           "build {\n  sources = [\"source.null.x\"]\n}\n")));
        BuildRunModel model;
        QSignalSpy diags(&model, &BuildRunModel::diagnosticsChanged);
        QVERIFY(model.start(request(dir.filePath("t.pkr.hcl"))));
        QVERIFY(model.waitForFinished(30000));
        QCOMPARE(model.exitCode(), 1);
        QCOMPARE(diags.size(), 1);
        QVERIFY(model.diagnostics().hasErrors());
        const hcl::Diagnostic &d = model.diagnostics().first();
        QVERIFY(d.subject.has_value());
        QCOMPARE(d.subject->start.line, 3);
        QVERIFY(model.buildNames().isEmpty());
        QVERIFY2(model.allConsole().text(true).contains("Error: "),
            qPrintable(model.allConsole().text(true)));
    }
};

QTEST_GUILESS_MAIN(TestBuildRunModel)
#include "tst_buildrunmodel.moc"
