// Questions a build asks on a real terminal: `kiln build` runs under `script`, which gives it
// a pseudo-terminal as controlling terminal (/dev/tty), and the test types the answers.
// As Packer's BasicUi: the question ends with a space and the answer is typed on its line;
// without a terminal nothing is asked and the default (clean up) is taken.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(KILN_FIXTURES_DIR "/build/") + name;
}

// `kiln build ARGS` on a pseudo-terminal; the output has the terminal's "\r\n".
class TerminalRun
{
public:
    TerminalRun(const QString &dir, const QStringList &args)
    {
        QStringList quoted;
        for (const QString &a : args)
            quoted << QLatin1Char('\'') + a + QLatin1Char('\'');
        m_process.setWorkingDirectory(dir);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CHECKPOINT_DISABLE"), QStringLiteral("1"));
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("script"),
            {QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-c"),
             QStringLiteral(KILN_BINARY " build ") + quoted.join(QLatin1Char(' ')), QStringLiteral("/dev/null")});
    }
    ~TerminalRun()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    // Waits until the output (since the last call) contains `text`.
    bool waitFor(const QString &text, int timeoutMs = 20000)
    {
        QElapsedTimer t;
        t.start();
        while (!m_output.mid(m_seen).contains(text) && t.elapsed() < timeoutMs) {
            m_process.waitForReadyRead(100);
            m_output += QString::fromUtf8(m_process.readAll());
        }
        const qsizetype at = m_output.indexOf(text, m_seen);
        if (at < 0)
            return false;
        m_seen = at + text.size();
        return true;
    }
    void type(const QByteArray &keys) { m_process.write(keys); }
    int finish()
    {
        m_process.closeWriteChannel();
        // waitForFinished() is false for a process that has already ended.
        if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(30000))
            return -1;
        m_output += QString::fromUtf8(m_process.readAll());
        return m_process.exitCode();
    }
    QString output() const { return m_output; }

private:
    QProcess m_process;
    QString m_output;
    qsizetype m_seen = 0;
};

const QString askQuestion = QStringLiteral(
    "==> null.x: [c] Clean up and exit, [a] abort without cleanup, or [r] retry step (build may fail even if "
    "retry succeeds)? ");

} // namespace

class TestBuildPrompts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
            QSKIP("script (bsdutils) is needed for a pseudo-terminal");
    }

    void askRetriesOnATerminal()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(fixture("ask.pkr.hcl"), dir.filePath("t.pkr.hcl")));
        TerminalRun run(dir.path(), {"-color=false", "-on-error=ask", "t.pkr.hcl"});
        QVERIFY2(run.waitFor(QStringLiteral("==> null.x: Script exited with non-zero exit status: 7")), qPrintable(run.output()));
        QVERIFY2(run.waitFor(QStringLiteral("==> null.x: Step \"StepProvision\" failed\r\n") + askQuestion),
                 qPrintable(run.output()));
        run.type("x\n");
        // The terminal echoes the answer on the question's line.
        QVERIFY2(run.waitFor(QStringLiteral("x\r\n==> null.x: Incorrect input: \"x\"\r\n") + askQuestion),
                 qPrintable(run.output()));
        run.type("r\n");
        QVERIFY2(run.waitFor(QStringLiteral("    null.x: second try")), qPrintable(run.output()));
        QCOMPARE(run.finish(), 0);
        QVERIFY(run.output().contains("Build 'null.x' finished after"));
    }

    void askAbortKeepsTheMachine()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(fixture("ask.pkr.hcl"), dir.filePath("t.pkr.hcl")));
        TerminalRun run(dir.path(), {"-color=false", "-on-error=ask", "t.pkr.hcl"});
        QVERIFY2(run.waitFor(askQuestion), qPrintable(run.output()));
        run.type("a\n");
        QCOMPARE(run.finish(), 1);
        QVERIFY2(run.output().contains("Aborting without cleanup"), qPrintable(run.output()));
        QVERIFY(!run.output().contains("second try"));
    }

    void debugPausesAfterEachStep()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(fixture("ask.pkr.hcl"), dir.filePath("t.pkr.hcl")));
        QFile tried(dir.filePath("tried"));
        QVERIFY(tried.open(QIODevice::WriteOnly)); // the provisioner succeeds at once
        tried.close();
        TerminalRun run(dir.path(), {"-color=false", "-debug", "t.pkr.hcl"});
        QVERIFY2(run.waitFor(QStringLiteral("Debug mode enabled. Builds will not be parallelized.")), qPrintable(run.output()));
        int pauses = 0;
        // Every step pauses after its run and before its cleanup, until the build is over.
        while (run.waitFor(QStringLiteral(". Press enter to continue. "), 5000)) {
            ++pauses;
            run.type("\n");
            if (pauses > 40)
                break;
        }
        const int status = run.finish();
        QVERIFY2(status == 0, qPrintable(QStringLiteral("exit %1 after %2 pauses:\n").arg(status).arg(pauses) + run.output()));
        QVERIFY2(pauses >= 2 && pauses <= 40, qPrintable(run.output()));
        QVERIFY(run.output().contains("==> null.x: Pausing after run of step 'StepProvision'. Press enter to continue. \r\n"));
        QVERIFY(run.output().contains("==> null.x: Pausing before cleanup of step 'StepProvision'. Press enter to continue. "));
        QVERIFY(run.output().contains("    null.x: second try"));
    }

    void withoutATerminalNothingIsAsked()
    {
        // setsid: a new session without a controlling terminal, as in CI.
        QTemporaryDir dir;
        QVERIFY(QFile::copy(fixture("ask.pkr.hcl"), dir.filePath("t.pkr.hcl")));
        QProcess p;
        p.setWorkingDirectory(dir.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("setsid"), {QStringLiteral("-w"), QStringLiteral(KILN_BINARY), QStringLiteral("build"),
                                           QStringLiteral("-color=false"), QStringLiteral("-on-error=ask"),
                                           QStringLiteral("t.pkr.hcl")});
        QVERIFY(p.waitForFinished(30000));
        const QString out = QString::fromUtf8(p.readAll());
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(out.contains("==> null.x: Step \"StepProvision\" failed\n"), qPrintable(out));
        QVERIFY2(!out.contains("[c] Clean up and exit"), qPrintable(out));
        QVERIFY(out.contains("==> null.x: Provisioning step had errors: Running the cleanup provisioner, if present..."));
    }
};

QTEST_GUILESS_MAIN(TestBuildPrompts)
#include "tst_build_prompts.moc"
