// `kiln build` end to end against a real dockerd and registry: the templates in
// tests/fixtures/docker build images with shell and file provisioners, then tag and push
// (HCL2) or export and import (legacy JSON); the results are checked with the docker CLI
// and skopeo.
#include "support/DockerDaemon.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <csignal>

using namespace kiln;

class TestDockerKilnBuild : public QObject
{
    Q_OBJECT

private:
    test::DockerDaemon m_daemon;
    QTemporaryDir m_tmp;

    int kiln(const QStringList &args, QString *output)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DOCKER_HOST"), m_daemon.dockerHost());
        env.insert(QStringLiteral("PACKER_TMP_DIR"), m_tmp.filePath(QStringLiteral("packer-tmp")));
        env.insert(QStringLiteral("CHECKPOINT_DISABLE"), QStringLiteral("1"));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setWorkingDirectory(m_tmp.path());
        p.start(QStringLiteral(KILN_BINARY), args);
        p.waitForFinished(120000);
        *output = QString::fromUtf8(p.readAll())
                      .remove(QRegularExpression(QStringLiteral("\x1b\\[[0-9;]*m")));
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private slots:
    void initTestCase()
    {
        const QString reason = test::DockerDaemon::unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        if (!QFileInfo::exists(QStringLiteral(KILN_BINARY)))
            QSKIP("the kiln binary is not built (ninja kiln)");
        if (QStandardPaths::findExecutable(QStringLiteral("docker-registry")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("skopeo")).isEmpty())
            QSKIP("docker-registry and skopeo are needed");
        QString error;
        QVERIFY2(m_daemon.start(&error), qPrintable(error));
        QVERIFY2(m_daemon.importBusybox(&error), qPrintable(error));
        QVERIFY2(m_daemon.startRegistry(&error), qPrintable(error));
    }

    void hcl2BuildTagAndPush()
    {
        QString out;
        const int rc = kiln({QStringLiteral("build"), QStringLiteral("-var"),
                                QStringLiteral("registry=") + m_daemon.registryHost(),
                                QStringLiteral(KILN_FIXTURES_DIR "/docker/busybox-push.pkr.hcl")},
            &out);
        QVERIFY2(rc == 0, qPrintable(out));
        const QString repo = m_daemon.registryHost() + QStringLiteral("/kiln/e2e");
        // Packer's messages, in Packer's order.
        const QStringList expected{
            QStringLiteral(
                "==> docker.busybox: Creating a temporary directory for sharing data..."),
            QStringLiteral("==> docker.busybox: Starting docker container..."),
            QStringLiteral("    docker.busybox: Run command: docker run -v "),
            QStringLiteral("    docker.busybox: Container ID: "),
            QStringLiteral("==> docker.busybox: Using docker communicator to connect:"),
            QStringLiteral("==> docker.busybox: Provisioning with shell script: "),
            QStringLiteral("    docker.busybox: built in kiln-e2e"),
            QStringLiteral("==> docker.busybox: Uploading "),
            QStringLiteral("==> docker.busybox: Committing the container"),
            QStringLiteral("    docker.busybox: Image ID: sha256:"),
            QStringLiteral("==> docker.busybox: Killing the container: "),
            QStringLiteral("==> docker.busybox: Running post-processor: docker-tag"),
            QStringLiteral("    docker.busybox (docker-tag): Repository: ") + repo
                + QStringLiteral(":1.0"),
            QStringLiteral("==> docker.busybox: Running post-processor: docker-push"),
            QStringLiteral("    docker.busybox (docker-push): Pushing: ") + repo
                + QStringLiteral(":1.0"),
            QStringLiteral("--> docker.busybox: Imported Docker image: ") + repo
                + QStringLiteral(":1.0 with tags ") + repo + QStringLiteral(":1.0"),
        };
        qsizetype at = 0;
        for (const QString &line : expected) {
            const qsizetype found = out.indexOf(line, at);
            QVERIFY2(found >= 0,
                qPrintable(QStringLiteral("missing after %1: %2\n%3").arg(at).arg(line, out)));
            at = found + line.size();
        }

        QProcess skopeo;
        skopeo.start(QStringLiteral("skopeo"),
            {QStringLiteral("inspect"), QStringLiteral("--tls-verify=false"),
                QStringLiteral("docker://") + repo + QStringLiteral(":1.0")});
        QVERIFY(skopeo.waitForFinished(30000));
        QCOMPARE(skopeo.exitCode(), 0);
        const QJsonObject manifest
            = QJsonDocument::fromJson(skopeo.readAllStandardOutput()).object();
        QCOMPARE(manifest.value(QLatin1String("Name")).toString(), repo);

        // Pulled back from the registry, the image runs its CMD over what was provisioned.
        QCOMPARE(m_daemon.docker(
                     {QStringLiteral("rmi"), QStringLiteral("-f"), repo + QStringLiteral(":1.0")}),
            0);
        QByteArray run;
        QCOMPARE(m_daemon.docker({QStringLiteral("pull"), repo + QStringLiteral(":1.0")}), 0);
        QCOMPARE(m_daemon.docker(
                     {QStringLiteral("run"), QStringLiteral("--rm"), repo + QStringLiteral(":1.0")},
                     &run),
            0);
        QCOMPARE(run, QByteArray("kiln-e2e\npayload from the host\n"));
        QVERIFY(m_daemon.containers().isEmpty());
    }

    void legacyExportAndImport()
    {
        QString out;
        const QString dir = m_tmp.filePath(QStringLiteral("export"));
        const int rc
            = kiln({QStringLiteral("build"), QStringLiteral("-var"), QStringLiteral("out=") + dir,
                       QStringLiteral("-var"), QStringLiteral("tag=5"),
                       QStringLiteral(KILN_FIXTURES_DIR "/docker/busybox-export.json")},
                &out);
        QVERIFY2(rc == 0, qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("    docker: Run command: docker run -v ")
                     + m_tmp.filePath(QStringLiteral("packer-tmp")) + QStringLiteral("/tmp")),
            qPrintable(out));
        QVERIFY(out.contains(
            QStringLiteral(":/packer-files -d -i -t -e STAGE=legacy --entrypoint=/bin/sh -- "
                           "kiln-test/busybox:latest\n")));
        QVERIFY(out.contains(QStringLiteral("==> docker: Exporting the container\n")));
        QVERIFY(out.contains(
            QStringLiteral("    docker (docker-import): Repository: kiln/legacy-import:5\n")));
        QVERIFY(out.contains(
            QStringLiteral("--> docker: Imported Docker image: kiln/legacy-import:5\n")));
        // docker-import consumed the exported tarball, which is not kept (keep_input_artifact).
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/rootfs.tar")));
        QByteArray run;
        QCOMPARE(m_daemon.docker({QStringLiteral("run"), QStringLiteral("--rm"),
                                     QStringLiteral("kiln/legacy-import:5")},
                     &run),
            0);
        QCOMPARE(run, QByteArray("exported from legacy\n"));
        QVERIFY(m_daemon.containers().isEmpty());
    }

    void interruptRemovesContainer()
    {
        // Ctrl-C during provisioning: kiln cancels, the container is removed, nothing is committed.
        const QString tpl = m_tmp.filePath(QStringLiteral("interrupted.pkr.hcl"));
        QFile f(tpl);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "source \"docker\" \"long\" {\n  image = \"kiln-test/busybox:latest\"\n  pull = false\n"
            "  commit = true\n}\nbuild {\n  sources = [\"source.docker.long\"]\n"
            "  provisioner \"shell\" {\n    inline = [\"echo working\", \"sleep 60\"]\n  }\n}\n");
        f.close();
        QByteArray before;
        m_daemon.docker({QStringLiteral("images"), QStringLiteral("-q")}, &before);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DOCKER_HOST"), m_daemon.dockerHost());
        env.insert(QStringLiteral("PACKER_TMP_DIR"), m_tmp.filePath(QStringLiteral("packer-tmp")));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(KILN_BINARY), {QStringLiteral("build"), tpl});
        QByteArray seen;
        QElapsedTimer timer;
        timer.start();
        while (!seen.contains("working") && timer.elapsed() < 30000) {
            p.waitForReadyRead(200);
            seen += p.readAll();
        }
        QVERIFY2(seen.contains("working"), seen.constData());
        QCOMPARE(m_daemon.containers().size(), 1);
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(20000));
        seen += p.readAll();
        QVERIFY2(p.exitCode() != 0, seen.constData());
        QVERIFY2(seen.contains("Killing the container: "), seen.constData());
        QVERIFY2(!seen.contains("Committing the container"), seen.constData());
        QVERIFY(m_daemon.containers().isEmpty());
        QByteArray after;
        m_daemon.docker({QStringLiteral("images"), QStringLiteral("-q")}, &after);
        // The same images (docker lists images created in the same second in any order).
        auto sorted = [](const QByteArray &list) {
            QByteArrayList ids = list.split('\n');
            std::sort(ids.begin(), ids.end());
            return ids;
        };
        QCOMPARE(sorted(after), sorted(before));
    }

    void daemonKilledMidBuild()
    {
        // A second daemon, killed while the provisioner runs: the build fails with the
        // daemon's absence and does not hang.
        test::DockerDaemon doomed;
        QString error;
        QVERIFY2(doomed.start(&error), qPrintable(error));
        QVERIFY2(doomed.importBusybox(&error), qPrintable(error));
        const QString tpl = m_tmp.filePath(QStringLiteral("sleepy.pkr.hcl"));
        QFile f(tpl);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "source \"docker\" \"sleepy\" {\n  image = \"kiln-test/busybox:latest\"\n  pull = "
            "false\n"
            "  discard = true\n}\nbuild {\n  sources = [\"source.docker.sleepy\"]\n"
            "  provisioner \"shell\" {\n    inline = [\"echo sleeping\", \"sleep 60\"]\n  }\n}\n");
        f.close();
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DOCKER_HOST"), doomed.dockerHost());
        env.insert(QStringLiteral("PACKER_TMP_DIR"), m_tmp.filePath(QStringLiteral("packer-tmp")));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(KILN_BINARY), {QStringLiteral("build"), tpl});
        QByteArray seen;
        QElapsedTimer timer;
        timer.start();
        while (!seen.contains("sleeping") && timer.elapsed() < 30000) {
            p.waitForReadyRead(200);
            seen += p.readAll();
        }
        QVERIFY2(seen.contains("sleeping"), seen.constData());
        doomed.kill();
        QVERIFY(p.waitForFinished(30000));
        seen += p.readAll();
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(seen.contains("Build 'docker.sleepy' errored"), seen.constData());
        QVERIFY2(
            seen.contains("Cannot connect to the Docker daemon at " + doomed.dockerHost().toUtf8()),
            seen.constData());
        // A command the daemon dropped is not retried as a failed start would be.
        QVERIFY2(!seen.contains("Error uploading script"), seen.constData());
        QVERIFY2(seen.contains("Killing the container: "), seen.constData());
        doomed.stop();
    }
};

QTEST_GUILESS_MAIN(TestDockerKilnBuild)
#include "tst_dockerkilnbuild.moc"
