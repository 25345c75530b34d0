// The docker builder against a real dockerd on a private socket: commit with changes,
// export_path, discard, cancel and failure paths, each checked through the docker CLI.
#include "components/Descriptors.h"
#include "engine/build/Builder.h"
#include "engine/build/Provisioner.h"
#include "engine/communicator/Communicator.h"
#include "support/BuildHarness.h"
#include "support/DockerDaemon.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <thread>

using namespace kiln;

namespace {

template <typename T> std::unique_ptr<T> make(const registry::ComponentDescriptor &d)
{
    auto made = d.create();
    return std::unique_ptr<T>(dynamic_cast<T *>(made.release()));
}

} // namespace

class TestDockerBuilder : public QObject
{
    Q_OBJECT

private:
    test::DockerDaemon m_daemon;
    QTemporaryDir m_tmp;

    struct Run
    {
        test::Harness h;
        build::ArtifactPtr artifact;
        QStringList says;
    };

    // Prepares and runs the builder; `inline_` commands are run by a real shell provisioner.
    std::unique_ptr<Run> build(const QVariantMap &config, const QStringList &inlineCommands,
        const std::function<void(build::BuildContext &)> &during = {})
    {
        auto run = std::make_unique<Run>();
        run->h.ctx.builderType = QStringLiteral("docker");
        run->h.ctx.name = QStringLiteral("docker.example");
        auto builder = make<build::Builder>(components::dockerBuilderDescriptor());
        const build::PrepareResult prepared = builder->prepare(test::configFrom(config));
        if (!prepared.ok()) {
            qWarning() << prepared.errors;
            return run;
        }
        auto shell = make<build::Provisioner>(components::shellProvisionerDescriptor());
        if (!shell->prepare(test::configFrom({{QStringLiteral("inline"), inlineCommands}})).ok())
            return run;
        run->h.ctx.provision = [&, p = shell.get()](comm::Communicator &c) {
            if (during)
                during(run->h.ctx);
            return p->provision(run->h.ctx, c);
        };
        run->artifact = builder->run(run->h.ctx);
        run->says = run->h.sink.says();
        return run;
    }

    QJsonObject inspect(const QString &image)
    {
        QByteArray out;
        m_daemon.docker({QStringLiteral("image"), QStringLiteral("inspect"), image}, &out);
        return QJsonDocument::fromJson(out).array().first().toObject();
    }

private slots:
    void initTestCase()
    {
        const QString reason = test::DockerDaemon::unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        QString error;
        QVERIFY2(m_daemon.start(&error), qPrintable(error));
        QVERIFY2(m_daemon.importBusybox(&error), qPrintable(error));
        qputenv("DOCKER_HOST", m_daemon.dockerHost().toUtf8());
        qputenv("PACKER_TMP_DIR", m_tmp.filePath(QStringLiteral("packer-tmp")).toUtf8());
    }

    void prepareErrors_data()
    {
        QTest::addColumn<QVariantMap>("config");
        QTest::addColumn<QString>("error");
        QTest::newRow("no image")
            << QVariantMap{{QStringLiteral("commit"), true}}
            << QStringLiteral("missing 'image' attribute or 'build' section, either needs to "
                              "be specified for a build to run.");
        QTest::newRow("no artifact")
            << QVariantMap{{QStringLiteral("image"), QStringLiteral("x")}}
            << QStringLiteral("No instructions given for handling the artifact; expected "
                              "commit, discard, or export_path");
        QTest::newRow("two artifacts")
            << QVariantMap{{QStringLiteral("image"), QStringLiteral("x")},
                   {QStringLiteral("commit"), true}, {QStringLiteral("discard"), true}}
            << QStringLiteral("Cannot specify more than one of commit, discard, and export_path");
        QTest::newRow("export to dir")
            << QVariantMap{{QStringLiteral("image"), QStringLiteral("x")},
                   {QStringLiteral("export_path"), QDir::tempPath()}}
            << QStringLiteral("export_path must be a file, not a directory");
        QTest::newRow("ecr without server")
            << QVariantMap{{QStringLiteral("image"), QStringLiteral("x")},
                   {QStringLiteral("commit"), true}, {QStringLiteral("ecr_login"), true}}
            << QStringLiteral("ECR login requires login server to be provided.");
    }
    void prepareErrors()
    {
        QFETCH(QVariantMap, config);
        QFETCH(QString, error);
        auto builder = make<build::Builder>(components::dockerBuilderDescriptor());
        const build::PrepareResult r = builder->prepare(test::configFrom(config));
        QVERIFY2(r.errors.contains(error), qPrintable(r.errors.join(QLatin1Char('\n'))));
    }

    void commitWithChanges()
    {
        const QVariantMap config{{QStringLiteral("image"), test::DockerDaemon::busyboxImage()},
            {QStringLiteral("pull"), false}, {QStringLiteral("commit"), true},
            {QStringLiteral("author"), QStringLiteral("Kiln Tests <kiln@example.com>")},
            {QStringLiteral("message"), QStringLiteral("built by kiln")},
            {QStringLiteral("changes"),
                QStringList{QStringLiteral("ENV GREETING=hello"),
                    QStringLiteral("LABEL org.kiln.test=yes"), QStringLiteral("EXPOSE 8080"),
                    QStringLiteral("WORKDIR /srv"),
                    QStringLiteral("CMD [\"/bin/cat\", \"/srv/hello.txt\"]")}}};
        auto run = build(config,
            {QStringLiteral("mkdir -p /srv"),
                QStringLiteral("echo built-in-container > /srv/hello.txt"),
                QStringLiteral("echo to-stderr >&2")});
        QVERIFY2(run->artifact, qPrintable(run->h.ctx.error()));
        const QString imageId = run->artifact->id();
        QVERIFY2(imageId.startsWith(QLatin1String("sha256:")), qPrintable(imageId));
        QCOMPARE(run->artifact->builderId(), QStringLiteral("packer.post-processor.docker-import"));
        QCOMPARE(run->artifact->string(), QStringLiteral("Imported Docker image: %1").arg(imageId));

        // Packer's steps, in order.
        const QStringList says = run->says;
        QCOMPARE(
            says.value(0), QStringLiteral("Creating a temporary directory for sharing data..."));
        QCOMPARE(says.value(1), QStringLiteral("Starting docker container..."));
        QVERIFY(says.value(2).startsWith(QLatin1String("Using docker communicator to connect: ")));
        QVERIFY(says.contains(QStringLiteral("Committing the container")));
        QVERIFY(says.last().startsWith(QLatin1String("Killing the container: ")));
        const QStringList messages = run->h.sink.messages();
        QVERIFY2(
            messages.filter(QRegularExpression(
                                QStringLiteral("^Run command: docker run -v .*:/packer-files -d -i "
                                               "-t --entrypoint=/bin/sh -- "
                                               "kiln-test/busybox:latest$")))
                    .size()
                == 1,
            qPrintable(messages.join(QLatin1Char('\n'))));
        QVERIFY(messages.contains(QStringLiteral("Image ID: ") + imageId));
        QVERIFY(messages.contains(QStringLiteral("built-in-container")) == false);
        QVERIFY(messages.contains(QStringLiteral("to-stderr"))
            || run->h.sink.errors().contains(QStringLiteral("to-stderr")));

        const QJsonObject image = inspect(imageId);
        const QJsonObject c = image.value(QLatin1String("Config")).toObject();
        QVERIFY(c.value(QLatin1String("Env")).toArray().contains(QStringLiteral("GREETING=hello")));
        QCOMPARE(c.value(QLatin1String("Labels"))
                     .toObject()
                     .value(QLatin1String("org.kiln.test"))
                     .toString(),
            QStringLiteral("yes"));
        QVERIFY(
            c.value(QLatin1String("ExposedPorts")).toObject().contains(QStringLiteral("8080/tcp")));
        QCOMPARE(c.value(QLatin1String("WorkingDir")).toString(), QStringLiteral("/srv"));
        QCOMPARE(c.value(QLatin1String("Cmd")).toArray(),
            QJsonArray({QStringLiteral("/bin/cat"), QStringLiteral("/srv/hello.txt")}));
        // StepSetDefaults kept the base image's (empty) entrypoint, not run_command's /bin/sh.
        QVERIFY(c.value(QLatin1String("Entrypoint")).toArray()
            != QJsonArray{QStringLiteral("/bin/sh")});
        QCOMPARE(image.value(QLatin1String("Author")).toString(),
            QStringLiteral("Kiln Tests <kiln@example.com>"));
        QCOMPARE(image.value(QLatin1String("Comment")).toString(), QStringLiteral("built by kiln"));

        // The image runs its CMD and holds what the provisioner wrote.
        QByteArray out;
        QCOMPARE(
            m_daemon.docker({QStringLiteral("run"), QStringLiteral("--rm"), imageId}, &out), 0);
        QCOMPARE(out, QByteArray("built-in-container\n"));
        QVERIFY(m_daemon.containers().isEmpty());
        const QVariantMap generated
            = run->artifact->state(QStringLiteral("generated_data")).toMap();
        QCOMPARE(generated.value(QStringLiteral("ImageSha256")).toString(), imageId);
        QVERIFY(generated.value(QStringLiteral("SourceImageSha256"))
                    .toString()
                    .startsWith(QLatin1String("sha256:")));
        // The temporary directory shared with the container is gone.
        QVERIFY(QDir(m_tmp.filePath(QStringLiteral("packer-tmp")))
                    .entryList(QDir::NoDotAndDotDot | QDir::AllEntries)
                    .isEmpty());
    }

    void exportPath()
    {
        const QString path = m_tmp.filePath(QStringLiteral("out/exported.tar"));
        auto run
            = build({{QStringLiteral("image"), test::DockerDaemon::busyboxImage()},
                        {QStringLiteral("pull"), false}, {QStringLiteral("export_path"), path}},
                {QStringLiteral("echo exported > /exported.txt")});
        QVERIFY2(run->artifact, qPrintable(run->h.ctx.error()));
        QCOMPARE(run->artifact->builderId(), QStringLiteral("packer.docker"));
        QCOMPARE(run->artifact->id(), QStringLiteral("Container"));
        QCOMPARE(run->artifact->files(), QStringList{path});
        QCOMPARE(run->artifact->string(), QStringLiteral("Exported Docker file: ") + path);
        QVERIFY(run->says.contains(QStringLiteral("Exporting the container")));
        QProcess tar;
        tar.start(
            QStringLiteral("tar"), {QStringLiteral("-xOf"), path, QStringLiteral("exported.txt")});
        QVERIFY(tar.waitForFinished(10000));
        QCOMPARE(tar.readAllStandardOutput(), QByteArray("exported\n"));
        tar.start(QStringLiteral("tar"), {QStringLiteral("-tf"), path});
        QVERIFY(tar.waitForFinished(10000));
        QVERIFY(tar.readAllStandardOutput().contains("bin/busybox"));
        QVERIFY(m_daemon.containers().isEmpty());
        QCOMPARE(run->artifact->destroy(), QString());
        QVERIFY(!QFile::exists(path));
    }

    void discard()
    {
        auto run = build({{QStringLiteral("image"), test::DockerDaemon::busyboxImage()},
                             {QStringLiteral("pull"), false}, {QStringLiteral("discard"), true}},
            {QStringLiteral("true")});
        QVERIFY2(run->artifact, qPrintable(run->h.ctx.error()));
        QCOMPARE(run->artifact->string(), QStringLiteral("Exported Docker file: "));
        QVERIFY(run->artifact->files().isEmpty());
        QVERIFY(!run->says.contains(QStringLiteral("Committing the container")));
        QVERIFY(m_daemon.containers().isEmpty());
    }

    void failingProvisionerRemovesContainer()
    {
        auto run = build({{QStringLiteral("image"), test::DockerDaemon::busyboxImage()},
                             {QStringLiteral("pull"), false}, {QStringLiteral("commit"), true}},
            {QStringLiteral("exit 7")});
        QVERIFY(!run->artifact);
        QVERIFY2(run->h.ctx.error().contains(QLatin1String("non-zero exit status: 7")),
            qPrintable(run->h.ctx.error()));
        QVERIFY(!run->says.contains(QStringLiteral("Committing the container")));
        QVERIFY(run->says.last().startsWith(QLatin1String("Killing the container: ")));
        QVERIFY(m_daemon.containers().isEmpty());
    }

    void cancelMidProvision()
    {
        QElapsedTimer timer;
        std::thread canceller;
        auto run = build({{QStringLiteral("image"), test::DockerDaemon::busyboxImage()},
                             {QStringLiteral("pull"), false}, {QStringLiteral("commit"), true}},
            {QStringLiteral("echo started"), QStringLiteral("sleep 60")},
            [&](build::BuildContext &ctx) {
                timer.start();
                auto token = ctx.cancel;
                canceller = std::thread([token] {
                    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
                    token->cancel();
                });
            });
        canceller.join();
        QVERIFY(!run->artifact);
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(run->says.last().startsWith(QLatin1String("Killing the container: ")));
        QVERIFY(m_daemon.containers().isEmpty());
    }

    void missingImageFailsPull()
    {
        auto run = build({{QStringLiteral("image"), QStringLiteral("127.0.0.1:1/nothing/here:1")},
                             {QStringLiteral("commit"), true}},
            {QStringLiteral("true")});
        QVERIFY(!run->artifact);
        QVERIFY(
            run->says.contains(QStringLiteral("Pulling Docker image: 127.0.0.1:1/nothing/here:1")));
        QVERIFY2(run->h.ctx.error().startsWith(QLatin1String("Error pulling Docker image: ")),
            qPrintable(run->h.ctx.error()));
        QVERIFY(m_daemon.containers().isEmpty());
    }

    void unreachableDaemon()
    {
        const QByteArray saved = qgetenv("DOCKER_HOST");
        qputenv("DOCKER_HOST", "unix:///nonexistent/docker.sock");
        auto run = build({{QStringLiteral("image"), test::DockerDaemon::busyboxImage()},
                             {QStringLiteral("commit"), true}},
            {QStringLiteral("true")});
        qputenv("DOCKER_HOST", saved);
        QVERIFY(!run->artifact);
        QCOMPARE(run->h.ctx.error(),
            QStringLiteral("Cannot connect to the Docker daemon at "
                           "unix:///nonexistent/docker.sock. Is the docker daemon running?"));
    }

    void bootstrapFromDockerfile()
    {
        const QString ctxDir = QStringLiteral(KILN_FIXTURES_DIR "/docker/context");
        const QVariantMap buildBlock{
            {QStringLiteral("path"), ctxDir + QStringLiteral("/Dockerfile")},
            {QStringLiteral("build_dir"), ctxDir}, {QStringLiteral("pull"), false},
            {QStringLiteral("arguments"),
                QVariantMap{{QStringLiteral("GREETING"), QStringLiteral("bootstrapped")}}}};
        auto run = build(
            {{QStringLiteral("build"), buildBlock}, {QStringLiteral("commit"), true},
                {QStringLiteral("changes"),
                    QStringList{QStringLiteral(
                        "CMD [\"cat\", \"/greeting\", \"/copied.txt\", \"/provisioned\"]")}}},
            {QStringLiteral("echo provisioned > /provisioned")});
        QVERIFY2(run->artifact, qPrintable(run->h.ctx.error()));
        QCOMPARE(run->says.value(1), QStringLiteral("Building base image..."));
        QVERIFY(
            run->says.value(2).startsWith(QLatin1String("Finished building base image \"sha256:")));
        QVERIFY(!run->says.contains(QStringLiteral("Pulling Docker image: ")));
        QVERIFY(run->says.contains(QStringLiteral(
            "final image is not discarded, removing the built image will fail "
            "because of existing dependencies, skipping cleanup for docker build.")));
        QByteArray out;
        QCOMPARE(m_daemon.docker(
                     {QStringLiteral("run"), QStringLiteral("--rm"), run->artifact->id()}, &out),
            0);
        QCOMPARE(out, QByteArray("bootstrapped\ncopied from the build context\nprovisioned\n"));
        // .dockerignore kept `ignored/` and the logs out, except keep.log.
        QCOMPARE(m_daemon.docker(
                     {QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--entrypoint"),
                         QStringLiteral("/bin/sh"), run->artifact->id(), QStringLiteral("-c"),
                         QStringLiteral("cd /ctx && find . | sort")},
                     &out),
            0);
        QCOMPARE(
            out, QByteArray(".\n./.dockerignore\n./Dockerfile\n./copied.txt\n./keep.log\n./sub\n"));
        QCOMPARE(run->artifact->state(QStringLiteral("generated_data"))
                     .toMap()
                     .value(QStringLiteral("SourceImageDigest"))
                     .toString(),
            QString());

        // A Dockerfile outside build_dir travels with the context; discard removes the base image.
        auto outside = build(
            {{QStringLiteral("build"),
                 QVariantMap{{QStringLiteral("path"),
                                 QStringLiteral(KILN_FIXTURES_DIR "/docker/Dockerfile.outside")},
                     {QStringLiteral("build_dir"), ctxDir}, {QStringLiteral("pull"), false}}},
                {QStringLiteral("discard"), true}},
            {QStringLiteral("cat /outside-copied.txt")});
        QVERIFY2(outside->artifact, qPrintable(outside->h.ctx.error()));
        QVERIFY(
            outside->h.sink.messages().contains(QStringLiteral("copied from the build context")));
        const QString base = outside->says.value(2).section(QLatin1Char('"'), 1, 1);
        QByteArray err;
        QVERIFY(m_daemon.docker(
                    {QStringLiteral("image"), QStringLiteral("inspect"), base}, nullptr, &err)
            != 0);

        auto broken = build(
            {{QStringLiteral("build"),
                 QVariantMap{{QStringLiteral("path"),
                                 QStringLiteral(KILN_FIXTURES_DIR "/docker/payload.txt")},
                     {QStringLiteral("build_dir"), ctxDir}, {QStringLiteral("pull"), false}}},
                {QStringLiteral("discard"), true}},
            {QStringLiteral("true")});
        QVERIFY(!broken->artifact);
        QVERIFY2(broken->h.ctx.error().startsWith(QLatin1String("docker build failed: ")),
            qPrintable(broken->h.ctx.error()));
        QVERIFY(m_daemon.containers().isEmpty());
    }

    void bootstrapPrepareErrors()
    {
        auto builder = make<build::Builder>(components::dockerBuilderDescriptor());
        build::PrepareResult r = builder->prepare(
            test::configFrom({{QStringLiteral("build"),
                                  QVariantMap{{QStringLiteral("build_dir"), QStringLiteral(".")}}},
                {QStringLiteral("commit"), true}}));
        QVERIFY2(r.errors.contains(QStringLiteral(
                     "`path` is required for bootstrapping a build with `docker build`")),
            qPrintable(r.errors.join(QLatin1Char('\n'))));
        r = builder->prepare(
            test::configFrom({{QStringLiteral("build"),
                                  QVariantMap{{QStringLiteral("path"),
                                      QStringLiteral(KILN_FIXTURES_DIR "/docker/context")}}},
                {QStringLiteral("image"), QStringLiteral("x")}, {QStringLiteral("commit"), true},
                {QStringLiteral("pull"), true}}));
        QVERIFY(r.errors.contains(QStringLiteral(
            "dockerfile \"" KILN_FIXTURES_DIR "/docker/context\" is not a regular file")));
        QVERIFY(
            r.errors.contains(QStringLiteral("`image` cannot be specified with a build config")));
        QVERIFY(r.warnings.contains(
            QStringLiteral("when running a bootstrap build, the `pull` option is ignored and is "
                           "replaced by `build.pull` (true by default)")));
    }

    // The capability mask the provisioner saw, from `grep CapEff /proc/self/status`.
    static quint64 capEff(const QStringList &messages)
    {
        for (const QString &m : messages)
            if (m.startsWith(QLatin1String("CapEff:")))
                return m.mid(7).trimmed().toULongLong(nullptr, 16);
        return 0;
    }

    void volumesAndCapabilities()
    {
        const QString hostDir = m_tmp.filePath(QStringLiteral("volume"));
        QDir().mkpath(hostDir);
        auto run = build(
            {{QStringLiteral("image"), test::DockerDaemon::busyboxImage()},
                {QStringLiteral("pull"), false}, {QStringLiteral("discard"), true},
                {QStringLiteral("volumes"), QVariantMap{{hostDir, QStringLiteral("/data")}}},
                {QStringLiteral("cap_drop"), QStringList{QStringLiteral("NET_RAW")}},
                {QStringLiteral("cap_add"), QStringList{QStringLiteral("SYS_ADMIN")}},
                {QStringLiteral("tmpfs"), QStringList{QStringLiteral("/scratch:size=1m")}},
                {QStringLiteral("device"),
                    QStringList{QStringLiteral("/dev/null:/dev/kiln-null")}}},
            {QStringLiteral("echo from-container > /data/out.txt"),
                QStringLiteral("grep CapEff /proc/self/status"),
                QStringLiteral("grep ' /scratch ' /proc/mounts | cut -d' ' -f1,3,4"),
                QStringLiteral("test -c /dev/kiln-null && echo device-present")});
        QVERIFY2(run->artifact, qPrintable(run->h.ctx.error()));
        QFile out(hostDir + QStringLiteral("/out.txt"));
        QVERIFY(out.open(QIODevice::ReadOnly));
        QCOMPARE(out.readAll(), QByteArray("from-container\n"));
        const quint64 caps = capEff(run->h.sink.messages());
        QVERIFY(caps != 0);
        QVERIFY(!(caps & (quint64(1) << 13))); // CAP_NET_RAW dropped
        QVERIFY(caps & (quint64(1) << 21)); // CAP_SYS_ADMIN added
        const QStringList messages = run->h.sink.messages();
        QVERIFY2(messages.filter(QRegularExpression(QStringLiteral("^tmpfs tmpfs rw,.*size=1024k")))
                     .size()
                == 1,
            qPrintable(messages.join(QLatin1Char('\n'))));
        QVERIFY(messages.contains(QStringLiteral("device-present")));
        // Packer's flag order: devices, capabilities, tmpfs, then volumes (map order).
        const QString flags = QStringLiteral(
            "^Run command: docker run --device /dev/null:/dev/kiln-null --cap-add SYS_ADMIN "
            "--cap-drop NET_RAW --tmpfs /scratch:size=1m ");
        const QString shared = QStringLiteral("-v [^ ]*:/packer-files ");
        const QString volume = QStringLiteral("-v %1:/data ").arg(hostDir);
        QVERIFY2(
            messages.filter(QRegularExpression(
                                flags + QStringLiteral("(%1%2|%2%1)-d -i -t").arg(shared, volume)))
                    .size()
                == 1,
            qPrintable(messages.join(QLatin1Char('\n'))));

        auto plain = build({{QStringLiteral("image"), test::DockerDaemon::busyboxImage()},
                               {QStringLiteral("pull"), false}, {QStringLiteral("discard"), true}},
            {QStringLiteral("grep CapEff /proc/self/status")});
        QVERIFY(!(capEff(plain->h.sink.messages()) & (quint64(1) << 21)));
        auto privileged
            = build({{QStringLiteral("image"), test::DockerDaemon::busyboxImage()},
                        {QStringLiteral("pull"), false}, {QStringLiteral("discard"), true},
                        {QStringLiteral("privileged"), true}},
                {QStringLiteral("grep CapEff /proc/self/status")});
        // Some sandboxes refuse privileged containers ("unable to apply caps"); then the
        // created container must still be removed.
        if (privileged->artifact)
            QVERIFY(capEff(privileged->h.sink.messages()) & (quint64(1) << 21));
        else
            QVERIFY2(privileged->h.ctx.error().startsWith(
                         QLatin1String("Error running container: Error response from daemon: ")),
                qPrintable(privileged->h.ctx.error()));
        QVERIFY(privileged->h.sink.messages()
                    .filter(QStringLiteral("Run command: docker run --privileged -v "))
                    .size()
            == 1);
        QVERIFY(m_daemon.containers().isEmpty());
    }

    void runCommandFlags()
    {
        // -e, -w, -u and a named container through run_command; the provisioner sees them.
        auto run = build({{QStringLiteral("image"), test::DockerDaemon::busyboxImage()},
                             {QStringLiteral("pull"), false}, {QStringLiteral("discard"), true},
                             {QStringLiteral("run_command"),
                                 QStringList{QStringLiteral("-dit"), QStringLiteral("--name"),
                                     QStringLiteral("kiln-flags-test"), QStringLiteral("-e"),
                                     QStringLiteral("KILN_FLAG=set"), QStringLiteral("-w"),
                                     QStringLiteral("/tmp"), QStringLiteral("--entrypoint"),
                                     QStringLiteral("/bin/sh"), QStringLiteral("{{.Image}}")}}},
            {QStringLiteral("test \"$KILN_FLAG\" = set"), QStringLiteral("test \"$(pwd)\" = /tmp"),
                QStringLiteral("test \"$(hostname)\" != \"\"")});
        QVERIFY2(run->artifact, qPrintable(run->h.ctx.error()));
        QVERIFY(m_daemon.containers().isEmpty());

        auto bad
            = build({{QStringLiteral("image"), test::DockerDaemon::busyboxImage()},
                        {QStringLiteral("pull"), false}, {QStringLiteral("discard"), true},
                        {QStringLiteral("run_command"),
                            QStringList{QStringLiteral("--bogus"), QStringLiteral("{{.Image}}")}}},
                {QStringLiteral("true")});
        QVERIFY(!bad->artifact);
        QCOMPARE(
            bad->h.ctx.error(), QStringLiteral("Error running container: unknown flag: --bogus"));
    }
};

QTEST_GUILESS_MAIN(TestDockerBuilder)
#include "tst_dockerbuilder.moc"
