#include "engine/build/BuildContext.h"
#include "engine/build/Prompter.h"
#include "engine/build/StepRunner.h"

#include <QMutex>
#include <QTest>

#include <thread>

using namespace kiln::build;

namespace {

// Records what ran, in order, into a shared journal.
class JournalStep : public Step
{
public:
    JournalStep(QString name, QStringList *journal, int failTimes = 0, bool cancelOnRun = false)
        : m_name(std::move(name))
        , m_journal(journal)
        , m_failTimes(failTimes)
        , m_cancelOnRun(cancelOnRun)
    {
    }
    QString name() const override { return m_name; }
    StepAction run(BuildContext &ctx) override
    {
        *m_journal << QStringLiteral("run ") + m_name;
        if (m_cancelOnRun)
            ctx.cancel->cancel();
        if (m_failTimes > 0) {
            --m_failTimes;
            ctx.fail(m_name + QStringLiteral(" broke"));
            return StepAction::Halt;
        }
        return StepAction::Continue;
    }
    void cleanup(BuildContext &) override { *m_journal << QStringLiteral("cleanup ") + m_name; }

private:
    QString m_name;
    QStringList *m_journal;
    int m_failTimes;
    bool m_cancelOnRun;
};

class ProvisionLikeStep : public JournalStep
{
public:
    using JournalStep::JournalStep;
    bool runsCleanupProvisioner() const override { return true; }
};

// Answers questions from a script, recording them.
class ScriptedPrompter : public Prompter
{
public:
    explicit ScriptedPrompter(QStringList answers)
        : m_answers(std::move(answers))
    {
    }
    QString ask(const QString &, const QString &question, const CancelTokenPtr &) override
    {
        QMutexLocker lock(&m_mutex);
        questions << question;
        return m_answers.isEmpty() ? QString() : m_answers.takeFirst();
    }
    QStringList questions;

private:
    QMutex m_mutex;
    QStringList m_answers;
};

class RecordingSink : public EventSink
{
public:
    void post(const BuildEvent &e) override
    {
        QMutexLocker lock(&m_mutex);
        events << e;
    }
    QStringList texts(BuildEvent::Kind kind)
    {
        QMutexLocker lock(&m_mutex);
        QStringList out;
        for (const auto &e : events)
            if (e.kind == kind)
                out << e.text;
        return out;
    }
    QList<BuildEvent> events;

private:
    QMutex m_mutex;
};

void setUp(BuildContext &ctx, RecordingSink *sink, Prompter *prompter = nullptr)
{
    ctx.name = QStringLiteral("null.test");
    ctx.cancel = CancelToken::create();
    ctx.ui = BuildUi(ctx.name, sink, nullptr, prompter);
}

} // namespace

class TestStepRunner : public QObject
{
    Q_OBJECT

private slots:
    void successCleansUpInReverse()
    {
        QStringList journal;
        StepRunner runner({ std::make_shared<JournalStep>("a", &journal), std::make_shared<JournalStep>("b", &journal),
                            std::make_shared<JournalStep>("c", &journal) });
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, &sink);
        QVERIFY(runner.run(ctx));
        QCOMPARE(journal, QStringList({ "run a", "run b", "run c", "cleanup c", "cleanup b", "cleanup a" }));
        QCOMPARE(sink.texts(BuildEvent::Kind::StepStarted), QStringList({ "a", "b", "c" }));
        QCOMPARE(sink.texts(BuildEvent::Kind::StepFinished), QStringList({ "a", "b", "c" }));
    }

    void failureCleansUpEnteredStepsOnly()
    {
        QStringList journal;
        StepRunner runner({ std::make_shared<JournalStep>("a", &journal), std::make_shared<JournalStep>("b", &journal, 1),
                            std::make_shared<JournalStep>("c", &journal) });
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, &sink);
        QVERIFY(!runner.run(ctx));
        QCOMPARE(ctx.error(), QStringLiteral("b broke"));
        QCOMPARE(journal, QStringList({ "run a", "run b", "cleanup b", "cleanup a" }));
    }

    void cancelStopsAndCleansUp()
    {
        QStringList journal;
        StepRunner runner({ std::make_shared<JournalStep>("a", &journal),
                            std::make_shared<JournalStep>("b", &journal, 0, true),
                            std::make_shared<JournalStep>("c", &journal) });
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, &sink);
        QVERIFY(!runner.run(ctx));
        QVERIFY(ctx.cancelled());
        QCOMPARE(journal, QStringList({ "run a", "run b", "cleanup b", "cleanup a" }));
    }

    void abortSkipsCleanup()
    {
        QStringList journal;
        StepRunner runner({ std::make_shared<JournalStep>("a", &journal), std::make_shared<ProvisionLikeStep>("p", &journal),
                            std::make_shared<JournalStep>("b", &journal, 1) });
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, &sink);
        ctx.options.onError = OnError::Abort;
        QVERIFY(!runner.run(ctx));
        QCOMPARE(journal, QStringList({ "run a", "run p", "run b" }));
        QVERIFY(sink.texts(BuildEvent::Kind::Error).join("\n").contains("Aborting without cleanup"));
    }

    void runCleanupProvisionerKeepsMachineButRunsProvisionCleanup()
    {
        QStringList journal;
        StepRunner runner({ std::make_shared<JournalStep>("a", &journal), std::make_shared<ProvisionLikeStep>("p", &journal),
                            std::make_shared<JournalStep>("b", &journal, 1) });
        RecordingSink sink;
        BuildContext ctx;
        setUp(ctx, &sink);
        ctx.options.onError = OnError::RunCleanupProvisioner;
        QVERIFY(!runner.run(ctx));
        QCOMPARE(journal, QStringList({ "run a", "run p", "run b", "cleanup p" }));
    }

    void askRetryThenSucceed()
    {
        QStringList journal;
        StepRunner runner({ std::make_shared<JournalStep>("a", &journal), std::make_shared<JournalStep>("b", &journal, 2) });
        RecordingSink sink;
        ScriptedPrompter prompter({ "x", "r", "r" });
        BuildContext ctx;
        setUp(ctx, &sink, &prompter);
        ctx.options.onError = OnError::Ask;
        QVERIFY(runner.run(ctx));
        QCOMPARE(journal, QStringList({ "run a", "run b", "run b", "run b", "cleanup b", "cleanup a" }));
        QCOMPARE(prompter.questions.size(), 3);
        QCOMPARE(prompter.questions.first(), QStringLiteral("[c] Clean up and exit, [a] abort without cleanup, "
                                                            "or [r] retry step (build may fail even if retry succeeds)?"));
        // As the SDK's askStep: the error, which step failed, then the question; a wrong
        // answer is said back quoted as Go's %#v.
        QCOMPARE(sink.texts(BuildEvent::Kind::Say).filter(QStringLiteral("failed")),
                 QStringList({ "Step \"b\" failed", "Step \"b\" failed" }));
        QCOMPARE(sink.texts(BuildEvent::Kind::Say).filter(QStringLiteral("Incorrect")), QStringList({ "Incorrect input: \"x\"" }));
        QCOMPARE(sink.texts(BuildEvent::Kind::Error).size(), 2);
    }

    void askAbortKeepsEverything()
    {
        QStringList journal;
        StepRunner runner({ std::make_shared<JournalStep>("a", &journal), std::make_shared<JournalStep>("b", &journal, 1) });
        RecordingSink sink;
        ScriptedPrompter prompter({ "a" });
        BuildContext ctx;
        setUp(ctx, &sink, &prompter);
        ctx.options.onError = OnError::Ask;
        QVERIFY(!runner.run(ctx));
        QCOMPARE(journal, QStringList({ "run a", "run b" }));
    }

    void askCleanup()
    {
        QStringList journal;
        StepRunner runner({ std::make_shared<JournalStep>("a", &journal), std::make_shared<JournalStep>("b", &journal, 1) });
        RecordingSink sink;
        ScriptedPrompter prompter({ "c" });
        BuildContext ctx;
        setUp(ctx, &sink, &prompter);
        ctx.options.onError = OnError::Ask;
        QVERIFY(!runner.run(ctx));
        QCOMPARE(journal, QStringList({ "run a", "run b", "cleanup b", "cleanup a" }));
        QCOMPARE(ctx.error(), QStringLiteral("b broke"));
    }

    void debugPausesAfterEachStepAndBeforeEachCleanup()
    {
        QStringList journal;
        StepRunner runner({ std::make_shared<JournalStep>("a", &journal), std::make_shared<JournalStep>("b", &journal) });
        RecordingSink sink;
        ScriptedPrompter prompter({});
        BuildContext ctx;
        setUp(ctx, &sink, &prompter);
        ctx.options.debug = true;
        QVERIFY(runner.run(ctx));
        QCOMPARE(prompter.questions,
                 QStringList({ "Pausing after run of step 'a'. Press enter to continue.",
                               "Pausing after run of step 'b'. Press enter to continue.",
                               "Pausing before cleanup of step 'b'. Press enter to continue.",
                               "Pausing before cleanup of step 'a'. Press enter to continue." }));
    }

    void cancelTokenChildAndCallbacks()
    {
        CancelTokenPtr parent = CancelToken::create();
        CancelTokenPtr child = parent->child();
        int fired = 0;
        const int id = child->onCancel([&fired] { ++fired; });
        QVERIFY(id > 0);
        child->cancel(QStringLiteral("timeout"));
        QVERIFY(child->isCancelled());
        QVERIFY(!parent->isCancelled());
        QCOMPARE(child->reason(), QStringLiteral("timeout"));
        QCOMPARE(fired, 1);

        CancelTokenPtr child2 = parent->child();
        parent->cancel(QStringLiteral("interrupted"));
        QVERIFY(child2->isCancelled());
        QCOMPARE(child2->reason(), QStringLiteral("interrupted"));
        // Registering after the fact runs at once.
        QCOMPARE(child2->onCancel([&fired] { ++fired; }), 0);
        QCOMPARE(fired, 2);
    }

    void sleepForWakesOnCancel()
    {
        CancelTokenPtr token = CancelToken::create();
        std::thread canceller([token] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            token->cancel();
        });
        QElapsedTimer t;
        t.start();
        QVERIFY(!token->sleepFor(10000));
        QVERIFY(t.elapsed() < 5000);
        canceller.join();
        QVERIFY(CancelToken::create()->sleepFor(10));
    }
};

QTEST_GUILESS_MAIN(TestStepRunner)
#include "tst_steprunner.moc"
