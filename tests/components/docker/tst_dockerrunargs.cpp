// `docker run` arguments (the builder's flags plus run_command) to the Engine API's
// container-create body.
#include "components/builders/docker/DockerRunArgs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using kiln::components::DockerRunArgs;

class TestDockerRunArgs : public QObject
{
    Q_OBJECT

private slots:
    void packerDefault()
    {
        const DockerRunArgs r = DockerRunArgs::parse({QStringLiteral("--privileged"),
            QStringLiteral("-v"), QStringLiteral("/tmp/x:/packer-files"), QStringLiteral("-d"),
            QStringLiteral("-i"), QStringLiteral("-t"), QStringLiteral("--entrypoint=/bin/sh"),
            QStringLiteral("--"), QStringLiteral("img:1")});
        QCOMPARE(r.error, QString());
        QCOMPARE(r.body.value(QLatin1String("Image")).toString(), QStringLiteral("img:1"));
        QCOMPARE(r.body.value(QLatin1String("Entrypoint")).toArray(),
            QJsonArray{QStringLiteral("/bin/sh")});
        QVERIFY(r.body.value(QLatin1String("Tty")).toBool());
        QVERIFY(r.body.value(QLatin1String("OpenStdin")).toBool());
        QVERIFY(!r.body.contains(QLatin1String("Cmd")));
        const QJsonObject host = r.body.value(QLatin1String("HostConfig")).toObject();
        QVERIFY(host.value(QLatin1String("Privileged")).toBool());
        QCOMPARE(host.value(QLatin1String("Binds")).toArray(),
            QJsonArray{QStringLiteral("/tmp/x:/packer-files")});
    }

    void flagsAndCommand()
    {
        const DockerRunArgs r = DockerRunArgs::parse({QStringLiteral("-dit"),
            QStringLiteral("--name=builder"), QStringLiteral("-eA=1"), QStringLiteral("--env"),
            QStringLiteral("B=2"), QStringLiteral("-u"), QStringLiteral("1000:1000"),
            QStringLiteral("-w"), QStringLiteral("/work"), QStringLiteral("--network"),
            QStringLiteral("host"), QStringLiteral("--cap-add=NET_ADMIN"),
            QStringLiteral("--cap-drop"), QStringLiteral("MKNOD"), QStringLiteral("--tmpfs"),
            QStringLiteral("/run:size=1m"), QStringLiteral("--device"), QStringLiteral("/dev/fuse"),
            QStringLiteral("-l"), QStringLiteral("k=v"), QStringLiteral("--platform"),
            QStringLiteral("linux/amd64"), QStringLiteral("--rm"), QStringLiteral("img"),
            QStringLiteral("sleep"), QStringLiteral("-x")});
        QCOMPARE(r.error, QString());
        QCOMPARE(r.name, QStringLiteral("builder"));
        QCOMPARE(r.platform, QStringLiteral("linux/amd64"));
        QCOMPARE(r.body.value(QLatin1String("Env")).toArray(),
            QJsonArray({QStringLiteral("A=1"), QStringLiteral("B=2")}));
        QCOMPARE(r.body.value(QLatin1String("User")).toString(), QStringLiteral("1000:1000"));
        QCOMPARE(r.body.value(QLatin1String("WorkingDir")).toString(), QStringLiteral("/work"));
        QCOMPARE(r.body.value(QLatin1String("Cmd")).toArray(),
            QJsonArray({QStringLiteral("sleep"), QStringLiteral("-x")}));
        QCOMPARE(
            r.body.value(QLatin1String("Labels")).toObject().value(QLatin1String("k")).toString(),
            QStringLiteral("v"));
        const QJsonObject host = r.body.value(QLatin1String("HostConfig")).toObject();
        QCOMPARE(host.value(QLatin1String("NetworkMode")).toString(), QStringLiteral("host"));
        QCOMPARE(
            host.value(QLatin1String("CapAdd")).toArray(), QJsonArray{QStringLiteral("NET_ADMIN")});
        QCOMPARE(
            host.value(QLatin1String("CapDrop")).toArray(), QJsonArray{QStringLiteral("MKNOD")});
        QCOMPARE(
            host.value(QLatin1String("Tmpfs")).toObject().value(QLatin1String("/run")).toString(),
            QStringLiteral("size=1m"));
        QCOMPARE(host.value(QLatin1String("Devices"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("PathInContainer"))
                     .toString(),
            QStringLiteral("/dev/fuse"));
        QVERIFY(host.value(QLatin1String("AutoRemove")).toBool());
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown") << QStringList{QStringLiteral("--bogus"), QStringLiteral("img")}
                                 << QStringLiteral("unknown flag: --bogus");
        QTest::newRow("missing value")
            << QStringList{QStringLiteral("-e")} << QStringLiteral("flag needs an argument: -e");
        QTest::newRow("no image") << QStringList{QStringLiteral("-d"), QStringLiteral("--")}
                                  << QStringLiteral("\"docker run\" requires at least 1 argument.");
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        QCOMPARE(DockerRunArgs::parse(args).error, error);
    }
};

QTEST_GUILESS_MAIN(TestDockerRunArgs)
#include "tst_dockerrunargs.moc"
