#include "components/Descriptors.h"
#include "engine/build/BuildContext.h"
#include "engine/build/Provisioner.h"
#include "engine/communicator/NoneCommunicator.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>
#include <thread>

using namespace kiln;

namespace {

std::unique_ptr<build::Provisioner> makeSleep(
    const QString &duration, QStringList *errors = nullptr)
{
    auto made = components::sleepProvisionerDescriptor().create();
    std::unique_ptr<build::Provisioner> p(dynamic_cast<build::Provisioner *>(made.release()));
    QMap<QString, hcl::Value> attrs;
    if (!duration.isNull())
        attrs.insert("duration", hcl::Value::string(duration));
    const build::PrepareResult r = p->prepare(build::ComponentConfig(hcl::Value::object(attrs)));
    if (errors)
        *errors = r.errors;
    return p;
}

} // namespace

class TestSleep : public QObject
{
    Q_OBJECT

private slots:
    void sleepsForTheDuration()
    {
        auto p = makeSleep("300ms");
        build::BuildContext ctx;
        ctx.cancel = build::CancelToken::create();
        comm::NoneCommunicator none;
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(p->provision(ctx, none), QString());
        QVERIFY(clock.elapsed() >= 290);
        QVERIFY(clock.elapsed() < 2000);
    }

    void zeroAndUnsetReturnAtOnce()
    {
        for (const QString &d : {QString(), QStringLiteral("0s")}) {
            auto p = makeSleep(d);
            build::BuildContext ctx;
            ctx.cancel = build::CancelToken::create();
            comm::NoneCommunicator none;
            QElapsedTimer clock;
            clock.start();
            QCOMPARE(p->provision(ctx, none), QString());
            QVERIFY(clock.elapsed() < 100);
        }
    }

    void cancelReturnsPromptly()
    {
        auto p = makeSleep("1h");
        build::BuildContext ctx;
        ctx.cancel = build::CancelToken::create();
        std::thread canceller([&] {
            QThread::msleep(150);
            ctx.cancel->cancel();
        });
        comm::NoneCommunicator none;
        QElapsedTimer clock;
        clock.start();
        const QString error = p->provision(ctx, none);
        canceller.join();
        QCOMPARE(error, QStringLiteral("context canceled"));
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    }

    void badDuration()
    {
        QStringList errors;
        makeSleep("forever", &errors);
        QCOMPARE(errors, QStringList{"time: invalid duration \"forever\""});
    }
};

QTEST_GUILESS_MAIN(TestSleep)
#include "tst_sleep.moc"
