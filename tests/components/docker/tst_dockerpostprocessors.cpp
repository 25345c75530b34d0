// docker-import, docker-tag, docker-push and docker-save against a real dockerd and a real
// registry on 127.0.0.1; results checked with the docker CLI and skopeo.
#include "components/Descriptors.h"
#include "components/shared/docker/DockerImageArtifact.h"
#include "engine/build/Artifact.h"
#include "engine/build/Builder.h"
#include "engine/build/PostProcessor.h"
#include "engine/build/Provisioner.h"
#include "engine/communicator/Communicator.h"
#include "support/BuildHarness.h"
#include "support/DockerDaemon.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;
namespace docker = kiln::components::docker;

namespace {

std::unique_ptr<build::PostProcessor> makePP(
    const registry::ComponentDescriptor &d, const QVariantMap &config)
{
    auto made = d.create();
    auto pp = std::unique_ptr<build::PostProcessor>(
        dynamic_cast<build::PostProcessor *>(made.release()));
    const build::PrepareResult r = pp->prepare(test::configFrom(config));
    return r.ok() ? std::move(pp) : nullptr;
}

} // namespace

class TestDockerPostProcessors : public QObject
{
    Q_OBJECT

private:
    test::DockerDaemon m_daemon;
    QTemporaryDir m_tmp;
    QString m_imageId;

    QString imageId(const QString &ref)
    {
        QByteArray out;
        m_daemon.docker({QStringLiteral("image"), QStringLiteral("inspect"),
                            QStringLiteral("--format"), QStringLiteral("{{.Id}}"), ref},
            &out);
        return QString::fromUtf8(out.trimmed());
    }

private slots:
    void initTestCase()
    {
        const QString reason = test::DockerDaemon::unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        if (QStandardPaths::findExecutable(QStringLiteral("docker-registry")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("skopeo")).isEmpty())
            QSKIP("docker-registry and skopeo are needed");
        QString error;
        QVERIFY2(m_daemon.start(&error), qPrintable(error));
        QVERIFY2(m_daemon.importBusybox(&error), qPrintable(error));
        QVERIFY2(m_daemon.startRegistry(&error), qPrintable(error));
        qputenv("DOCKER_HOST", m_daemon.dockerHost().toUtf8());
        // An image of our own to tag and push: busybox plus a marker file.
        QByteArray out;
        QCOMPARE(
            m_daemon.docker({QStringLiteral("run"), QStringLiteral("--name"),
                QStringLiteral("marker"), test::DockerDaemon::busyboxImage(), QStringLiteral("sh"),
                QStringLiteral("-c"), QStringLiteral("echo pushed > /marker")}),
            0);
        QCOMPARE(m_daemon.docker({QStringLiteral("commit"), QStringLiteral("marker")}, &out), 0);
        m_imageId = QString::fromUtf8(out.trimmed());
        m_daemon.docker({QStringLiteral("rm"), QStringLiteral("marker")});
    }

    void tagPushAndVerifyWithSkopeo()
    {
        test::Harness h;
        auto input = std::make_shared<docker::DockerImageArtifact>(
            QStringLiteral("packer.post-processor.docker-import"), m_imageId,
            docker::DockerClient());
        const QString repo = m_daemon.registryHost() + QStringLiteral("/kiln/pushed");
        auto tag = makePP(components::dockerTagPostProcessorDescriptor(),
            {{QStringLiteral("repository"), repo},
                {QStringLiteral("tags"), QStringList{QStringLiteral("v1"), QStringLiteral("v2")}}});
        QVERIFY(tag);
        const build::PostProcessResult tagged = tag->postProcess(h.ctx, input);
        QVERIFY2(tagged.error.isEmpty(), qPrintable(tagged.error));
        QCOMPARE(tagged.artifact->builderId(), QStringLiteral("packer.post-processor.docker-tag"));
        QCOMPARE(tagged.artifact->id(), repo + QStringLiteral(":v2"));
        QVERIFY(tagged.keep);
        QVERIFY(tagged.forceOverride);
        QCOMPARE(tagged.artifact->string(),
            QStringLiteral("Imported Docker image: %1:v2 with tags %1:v1 %1:v2").arg(repo));
        QCOMPARE(imageId(repo + QStringLiteral(":v1")), m_imageId);
        QCOMPARE(imageId(repo + QStringLiteral(":v2")), m_imageId);
        QVERIFY(h.sink.messages().contains(
            QStringLiteral("Repository: ") + repo + QStringLiteral(":v1")));

        auto push = makePP(components::dockerPushPostProcessorDescriptor(),
            {{QStringLiteral("login"), true},
                {QStringLiteral("login_server"), m_daemon.registryHost()},
                {QStringLiteral("login_username"), QStringLiteral("kiln")},
                {QStringLiteral("login_password"), QStringLiteral("pw")}});
        QVERIFY(push);
        const build::PostProcessResult pushed = push->postProcess(h.ctx, tagged.artifact);
        QVERIFY2(pushed.error.isEmpty(), qPrintable(pushed.error));
        QCOMPARE(
            pushed.artifact->builderId(), QStringLiteral("packer.post-processor.docker-import"));
        QCOMPARE(pushed.artifact->id(), repo + QStringLiteral(":v2"));
        QVERIFY(
            h.sink.messages().contains(QStringLiteral("Pushing: ") + repo + QStringLiteral(":v1")));
        const QStringList pushMessages = h.sink.messages();
        QVERIFY(pushMessages.indexOf(QStringLiteral("Logging in..."))
            < pushMessages.indexOf(QStringLiteral("Pushing: ") + repo + QStringLiteral(":v2")));
        QVERIFY(pushMessages.indexOf(QStringLiteral("Logging out..."))
            > pushMessages.indexOf(QStringLiteral("Pushing: ") + repo + QStringLiteral(":v1")));
        const QString digest = pushed.artifact->state(QStringLiteral("generated_data"))
                                   .toMap()
                                   .value(QStringLiteral("Digest"))
                                   .toString();
        QVERIFY2(digest.startsWith(repo + QStringLiteral("@sha256:")), qPrintable(digest));

        for (const QString &t : {QStringLiteral("v1"), QStringLiteral("v2")}) {
            QProcess skopeo;
            skopeo.start(QStringLiteral("skopeo"),
                {QStringLiteral("inspect"), QStringLiteral("--tls-verify=false"),
                    QStringLiteral("docker://%1:%2").arg(repo, t)});
            QVERIFY(skopeo.waitForFinished(30000));
            QCOMPARE(skopeo.exitCode(), 0);
            const QJsonObject o = QJsonDocument::fromJson(skopeo.readAllStandardOutput()).object();
            QCOMPARE(o.value(QLatin1String("Name")).toString(), repo);
            QCOMPARE(QStringLiteral("%1@%2").arg(repo, o.value(QLatin1String("Digest")).toString()),
                digest);
        }

        // Pulled back after removal, the image still holds the marker.
        QCOMPARE(m_daemon.docker({QStringLiteral("rmi"), repo + QStringLiteral(":v1")}), 0);
        QCOMPARE(m_daemon.docker({QStringLiteral("pull"), repo + QStringLiteral(":v1")}), 0);
        QByteArray out;
        QCOMPARE(m_daemon.docker(
                     {QStringLiteral("run"), QStringLiteral("--rm"), repo + QStringLiteral(":v1"),
                         QStringLiteral("cat"), QStringLiteral("/marker")},
                     &out),
            0);
        QCOMPARE(out, QByteArray("pushed\n"));
    }

    void pushToUnreachableRegistry()
    {
        test::Harness h;
        QCOMPARE(m_daemon.docker({QStringLiteral("tag"), m_imageId,
                     QStringLiteral("127.0.0.1:1/kiln/nowhere:x")}),
            0);
        auto input = std::make_shared<docker::DockerImageArtifact>(
            QStringLiteral("packer.post-processor.docker-tag"),
            QStringLiteral("127.0.0.1:1/kiln/nowhere:x"), docker::DockerClient());
        auto push = makePP(components::dockerPushPostProcessorDescriptor(), {});
        const build::PostProcessResult r = push->postProcess(h.ctx, input);
        QVERIFY(!r.artifact);
        QVERIFY2(
            r.error.startsWith(QLatin1String("Error pushing Docker image: ")), qPrintable(r.error));
        QVERIFY2(r.error.contains(QLatin1String("connection refused")), qPrintable(r.error));
    }

    void builderPullsWithLogin()
    {
        // The base image only exists in the registry; the builder logs in and pulls it.
        const QString base = m_daemon.registryHost() + QStringLiteral("/kiln/base:1");
        QCOMPARE(m_daemon.docker({QStringLiteral("tag"), m_imageId, base}), 0);
        QCOMPARE(m_daemon.docker({QStringLiteral("push"), base}), 0);
        QCOMPARE(m_daemon.docker({QStringLiteral("rmi"), base}), 0);

        test::Harness h;
        h.ctx.builderType = QStringLiteral("docker");
        auto made = components::dockerBuilderDescriptor().create();
        std::unique_ptr<build::Builder> builder(dynamic_cast<build::Builder *>(made.release()));
        QVERIFY(builder
                    ->prepare(test::configFrom({{QStringLiteral("image"), base},
                        {QStringLiteral("discard"), true}, {QStringLiteral("login"), true},
                        {QStringLiteral("login_server"), m_daemon.registryHost()},
                        {QStringLiteral("login_username"), QStringLiteral("kiln")},
                        {QStringLiteral("login_password"), QStringLiteral("s3cret-pw")}}))
                    .ok());
        QByteArray marker;
        h.ctx.provision = [&marker](comm::Communicator &c) {
            comm::RemoteCommand cmd;
            cmd.command = QStringLiteral("cat /marker");
            cmd.onStdout = [&marker](const QByteArray &b) { marker += b; };
            const comm::CommandResult r = c.run(cmd, build::CancelToken::create());
            return r.ok() && r.exitStatus == 0 ? QString() : QStringLiteral("cat failed");
        };
        const build::ArtifactPtr artifact = builder->run(h.ctx);
        QVERIFY2(artifact, qPrintable(h.ctx.error()));
        QCOMPARE(marker, QByteArray("pushed\n"));
        QVERIFY(h.sink.says().contains(QStringLiteral("Pulling Docker image: ") + base));
        const QStringList messages = h.sink.messages();
        QVERIFY(messages.contains(QStringLiteral("Logging in...")));
        QVERIFY(messages.contains(QStringLiteral("Logging out...")));
        QVERIFY2(
            messages.filter(QStringLiteral("Status: Downloaded newer image for ") + base).size()
                == 1,
            qPrintable(messages.join(QLatin1Char('\n'))));
        const QVariantMap generated = artifact->state(QStringLiteral("generated_data")).toMap();
        QVERIFY(generated.value(QStringLiteral("SourceImageDigest"))
                    .toString()
                    .startsWith(m_daemon.registryHost() + QStringLiteral("/kiln/base@sha256:")));
        QVERIFY(h.sink.errors().isEmpty());
    }

    void wrongArtifactTypes()
    {
        test::Harness h;
        auto file = std::make_shared<build::FileArtifact>(
            QStringLiteral("mitchellh.null"), QStringList());
        auto tag = makePP(components::dockerTagPostProcessorDescriptor(),
            {{QStringLiteral("repository"), QStringLiteral("x")}});
        QCOMPARE(tag->postProcess(h.ctx, file).error,
            QStringLiteral("Unknown artifact type: mitchellh.null\nCan only tag from Docker "
                           "builder artifacts."));
        auto push = makePP(components::dockerPushPostProcessorDescriptor(), {});
        QCOMPARE(push->postProcess(h.ctx, file).error,
            QStringLiteral("Unknown artifact type: mitchellh.null\nCan only import from "
                           "docker-import and docker-tag "
                           "artifacts."));
        auto save = makePP(components::dockerSavePostProcessorDescriptor(),
            {{QStringLiteral("path"), QStringLiteral("/tmp/x")}});
        QCOMPARE(save->postProcess(h.ctx, file).error,
            QStringLiteral(
                "Unknown artifact type: mitchellh.null\nCan only save Docker builder artifacts."));
        auto import = makePP(components::dockerImportPostProcessorDescriptor(), {});
        QVERIFY(
            import->postProcess(h.ctx, file)
                .error.startsWith(QLatin1String("Unknown artifact type: mitchellh.null\nCan only "
                                                "import from Docker builder and Artifice")));
    }

    void saveIsLoadable()
    {
        test::Harness h;
        QCOMPARE(
            m_daemon.docker({QStringLiteral("tag"), m_imageId, QStringLiteral("kiln/saved:1")}), 0);
        auto input = std::make_shared<docker::DockerImageArtifact>(
            QStringLiteral("packer.post-processor.docker-tag"), QStringLiteral("kiln/saved:1"),
            docker::DockerClient());
        const QString path = m_tmp.filePath(QStringLiteral("saved.tar"));
        auto save = makePP(
            components::dockerSavePostProcessorDescriptor(), {{QStringLiteral("path"), path}});
        const build::PostProcessResult r = save->postProcess(h.ctx, input);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.artifact, std::static_pointer_cast<build::Artifact>(input));
        QVERIFY(r.keep);
        QCOMPARE(h.sink.messages(),
            QStringList({QStringLiteral("Saving image: kiln/saved:1"),
                QStringLiteral("Saved to: ") + path}));
        QCOMPARE(m_daemon.docker({QStringLiteral("rmi"), QStringLiteral("kiln/saved:1")}), 0);
        QByteArray out;
        QCOMPARE(m_daemon.docker({QStringLiteral("load"), QStringLiteral("-i"), path}, &out), 0);
        QVERIFY2(out.contains("kiln/saved:1"), out.constData());
        QCOMPARE(imageId(QStringLiteral("kiln/saved:1")), m_imageId);

        // A missing image leaves no file behind.
        auto missing = std::make_shared<docker::DockerImageArtifact>(
            QStringLiteral("packer.post-processor.docker-tag"), QStringLiteral("kiln/absent:1"),
            docker::DockerClient());
        const QString other = m_tmp.filePath(QStringLiteral("absent.tar"));
        auto save2 = makePP(
            components::dockerSavePostProcessorDescriptor(), {{QStringLiteral("path"), other}});
        const build::PostProcessResult bad = save2->postProcess(h.ctx, missing);
        QVERIFY2(
            bad.error.startsWith(QLatin1String("Error exporting: Error response from daemon: ")),
            qPrintable(bad.error));
        QVERIFY(!QFile::exists(other));
    }

    void importExportedTarball()
    {
        test::Harness h;
        // A root filesystem tarball as the docker builder's export_path produces.
        QByteArray out;
        QCOMPARE(m_daemon.docker({QStringLiteral("create"), QStringLiteral("--name"),
                     QStringLiteral("toexport"), m_imageId, QStringLiteral("true")}),
            0);
        const QString tar = m_tmp.filePath(QStringLiteral("rootfs.tar"));
        QCOMPARE(m_daemon.docker({QStringLiteral("export"), QStringLiteral("-o"), tar,
                     QStringLiteral("toexport")}),
            0);
        m_daemon.docker({QStringLiteral("rm"), QStringLiteral("toexport")});
        auto input = std::make_shared<build::FileArtifact>(
            QStringLiteral("packer.docker"), QStringList{tar}, QStringLiteral("Container"));
        auto import = makePP(components::dockerImportPostProcessorDescriptor(),
            {{QStringLiteral("repository"), QStringLiteral("kiln/imported")},
                {QStringLiteral("tag"), QStringLiteral("7")},
                {QStringLiteral("changes"),
                    QStringList{QStringLiteral("ENV IMPORTED=1"),
                        QStringLiteral("CMD [\"cat\", \"/marker\"]")}}});
        const build::PostProcessResult r = import->postProcess(h.ctx, input);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.artifact->builderId(), QStringLiteral("packer.post-processor.docker-import"));
        QCOMPARE(r.artifact->id(), QStringLiteral("kiln/imported:7"));
        const QStringList messages = h.sink.messages();
        QCOMPARE(messages.value(0), QStringLiteral("Importing image: Container"));
        QCOMPARE(messages.value(1), QStringLiteral("Repository: kiln/imported:7"));
        QCOMPARE(messages.value(2),
            QStringLiteral("Imported ID: ") + imageId(QStringLiteral("kiln/imported:7")));
        QCOMPARE(m_daemon.docker({QStringLiteral("run"), QStringLiteral("--rm"),
                                     QStringLiteral("kiln/imported:7")},
                     &out),
            0);
        QCOMPARE(out, QByteArray("pushed\n"));
        // destroy() removes the image again.
        QCOMPARE(r.artifact->destroy(), QString());
        QVERIFY(imageId(QStringLiteral("kiln/imported:7")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDockerPostProcessors)
#include "tst_dockerpostprocessors.moc"
