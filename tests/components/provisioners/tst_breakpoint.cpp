#include "components/Descriptors.h"
#include "engine/build/BuildContext.h"
#include "engine/build/Prompter.h"
#include "engine/build/Provisioner.h"
#include "engine/build/SecretFilter.h"
#include "engine/communicator/NoneCommunicator.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>
#include <mutex>
#include <thread>

using namespace kiln;

namespace {

class RecordingSink : public build::EventSink
{
public:
    void post(const build::BuildEvent &event) override
    {
        std::lock_guard lock(m_mutex);
        if (event.kind == build::BuildEvent::Kind::Say)
            m_says << event.text;
    }
    QStringList says() const
    {
        std::lock_guard lock(m_mutex);
        return m_says;
    }

private:
    mutable std::mutex m_mutex;
    QStringList m_says;
};

// Answers at once, or (blocking) waits for the cancel as a person who never presses Enter.
class ScriptedPrompter : public build::Prompter
{
public:
    bool block = false;
    QStringList questions;
    QStringList builds;

    QString ask(
        const QString &build, const QString &question, const build::CancelTokenPtr &cancel) override
    {
        builds << build;
        questions << question;
        if (block && cancel)
            while (cancel->sleepFor(10000)) { }
        return block ? QString() : QStringLiteral("\n");
    }
};

build::ComponentConfig config(const QString &note, bool disable)
{
    QMap<QString, hcl::Value> attrs;
    if (!note.isNull())
        attrs.insert("note", hcl::Value::string(note));
    attrs.insert("disable", hcl::Value::boolean(disable));
    return build::ComponentConfig(hcl::Value::object(attrs));
}

struct Run
{
    RecordingSink sink;
    ScriptedPrompter prompter;
    build::BuildContext ctx;
    QString error;

    Run(const QString &note, bool disable, bool block = false)
    {
        prompter.block = block;
        ctx.name = "null.example";
        ctx.cancel = build::CancelToken::create();
        ctx.ui
            = build::BuildUi(ctx.name, &sink, std::make_shared<build::SecretFilter>(), &prompter);
        auto made = components::breakpointProvisionerDescriptor().create();
        std::unique_ptr<build::Provisioner> p(dynamic_cast<build::Provisioner *>(made.release()));
        QVERIFY(p);
        QVERIFY(p->prepare(config(note, disable)).ok());
        if (block) {
            std::thread canceller([this] {
                QThread::msleep(200);
                ctx.cancel->cancel();
            });
            comm::NoneCommunicator none;
            error = p->provision(ctx, none);
            canceller.join();
        } else {
            comm::NoneCommunicator none;
            error = p->provision(ctx, none);
        }
    }
};

} // namespace

class TestBreakpoint : public QObject
{
    Q_OBJECT

private slots:
    void asksThroughThePrompter()
    {
        Run r({}, false);
        QCOMPARE(r.error, QString());
        QCOMPARE(r.sink.says(), QStringList{"Pausing at breakpoint provisioner."});
        QCOMPARE(r.prompter.questions, QStringList{"Press enter to continue."});
        QCOMPARE(r.prompter.builds, QStringList{"null.example"});
    }

    void noteIsShown()
    {
        Run r("check the disk", false);
        QCOMPARE(r.error, QString());
        QCOMPARE(r.sink.says(),
            QStringList{"Pausing at breakpoint provisioner with note \"check the disk\"."});
        QCOMPARE(r.prompter.questions.size(), 1);
    }

    void disabledDoesNotAsk_data()
    {
        QTest::addColumn<QString>("note");
        QTest::addColumn<QString>("said");
        QTest::newRow("no note") << QString() << "Breakpoint provisioner disabled; continuing...";
        QTest::newRow("note") << "n1"
                              << "Breakpoint provisioner with note \"n1\" disabled; continuing...";
    }

    void disabledDoesNotAsk()
    {
        QFETCH(QString, note);
        QFETCH(QString, said);
        Run r(note, true);
        QCOMPARE(r.error, QString());
        QCOMPARE(r.sink.says(), QStringList{said});
        QVERIFY(r.prompter.questions.isEmpty());
    }

    void withoutPrompterFailsAsPacker()
    {
        // Packer 1.6.6 with stdin not a terminal: the same say, then this error.
        RecordingSink sink;
        build::BuildContext ctx;
        ctx.name = "null.example";
        ctx.cancel = build::CancelToken::create();
        ctx.ui = build::BuildUi(ctx.name, &sink, std::make_shared<build::SecretFilter>());
        auto made = components::breakpointProvisionerDescriptor().create();
        std::unique_ptr<build::Provisioner> p(dynamic_cast<build::Provisioner *>(made.release()));
        QVERIFY(p->prepare(config("look", false)).ok());
        comm::NoneCommunicator none;
        QCOMPARE(p->provision(ctx, none), QStringLiteral("Error asking for input: no available tty"));
        QCOMPARE(sink.says(), QStringList{"Pausing at breakpoint provisioner with note \"look\"."});
    }

    void cancelEndsTheWait()
    {
        QElapsedTimer clock;
        clock.start();
        Run r({}, false, true);
        QCOMPARE(r.error, QStringLiteral("Error asking for input: interrupted"));
        QVERIFY(clock.elapsed() < 3000);
    }
};

QTEST_GUILESS_MAIN(TestBreakpoint)
#include "tst_breakpoint.moc"
