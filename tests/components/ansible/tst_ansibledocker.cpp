// Both Ansible provisioners inside a real docker build (tests/support/DockerDaemon): the base
// image is the test guest's Debian root file system, imported with `docker import`. `ansible`
// reaches the container only through the SSH proxy adapter and the docker communicator;
// `ansible-local` runs the host's ansible-core inside the container. `ansible` runs with SFTP
// (the image's own sftp-server as sftp_command) and with pipelining (stdin streamed). The
// committed images are run to check what the playbooks changed.
//
// The guest has python3-minimal, whose standard library lacks what Ansible's modules import
// (shutil, json): the builds mount the host's Python 3.11 standard library (the same Debian
// version) read-only through the builder's `volumes`, and for ansible-local the host's
// dist-packages and ansible-playbook too. Mounts are not part of the committed image.

#include "AnsibleTestRun.h"
#include "engine/build/Builder.h"
#include "support/DockerDaemon.h"
#include "support/QemuGuest.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;

namespace {

const QString fixtures = QStringLiteral(KILN_FIXTURES_DIR "/ansible");
const QString baseImage = QStringLiteral("kiln-test/debian-cm:latest");

struct DockerRun
{
    test::Harness h;
    build::ArtifactPtr artifact;
};

// A committing docker build of the Debian image whose provisioning hook runs `provisioner`;
// `extraVolumes` are mounted besides the host's Python standard library.
std::unique_ptr<DockerRun> dockerBuild(
    const QVariantMap &provisioner, bool local, const QVariantMap &extraVolumes = {})
{
    auto run = std::make_unique<DockerRun>();
    run->h.ctx.builderType = QStringLiteral("docker");
    run->h.ctx.name = QStringLiteral("docker.example");
    QVariantMap volumes{{"/usr/lib/python3.11", "/usr/lib/python3.11:ro"}};
    volumes.insert(extraVolumes);
    const QVariantMap config{
        {"image", baseImage}, {"pull", false}, {"commit", true}, {"volumes", volumes}};
    auto made = components::dockerBuilderDescriptor().create();
    std::unique_ptr<build::Builder> builder(dynamic_cast<build::Builder *>(made.release()));
    const build::PrepareResult prepared = builder->prepare(test::configFrom(config));
    if (!prepared.ok()) {
        run->h.ctx.fail(prepared.errors.join('\n'));
        return run;
    }
    run->h.ctx.provision = [&run, provisioner, local](comm::Communicator &comm) {
        run->h.ctx.generatedData.insert(
            "PackerHTTPAddr", "ERR_HTTP_ADDR_NOT_IMPLEMENTED_BY_BUILDER");
        return test::provisionWith(run->h, comm, provisioner, local);
    };
    run->artifact = builder->run(run->h.ctx);
    return run;
}

} // namespace

class TestAnsibleDocker : public QObject
{
    Q_OBJECT

private:
    test::DockerDaemon m_daemon;
    QTemporaryDir m_tmp;

    QByteArray inImage(const QString &image, const QStringList &command)
    {
        QByteArray out;
        QByteArray err;
        const int rc = m_daemon.docker(
            QStringList{"run", "--rm", "--entrypoint", command.first(), image} + command.mid(1),
            &out, &err);
        return rc == 0 ? out : "exit " + QByteArray::number(rc) + ": " + err;
    }

private slots:
    void initTestCase()
    {
        const QString reason = test::DockerDaemon::unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        if (QStandardPaths::findExecutable(QStringLiteral("ansible-playbook")).isEmpty())
            QSKIP("ansible-core is not installed");
        QString error;
        test::QemuGuest guest;
        QVERIFY2(guest.prepare(&error), qPrintable(error));
        QVERIFY2(m_daemon.start(&error), qPrintable(error));
        QByteArray err;
        QVERIFY2(m_daemon.docker({"import", guest.rootfsTarball(), baseImage}, nullptr, &err) == 0,
            err.constData());
        qputenv("DOCKER_HOST", m_daemon.dockerHost().toUtf8());
        qputenv("PACKER_TMP_DIR", m_tmp.filePath(QStringLiteral("packer-tmp")).toUtf8());
    }

    // The daemon removes the images' layers much faster than the fixture's recursive delete
    // of its data root would (the Debian root file system is thousands of files).
    void cleanupTestCase()
    {
        QByteArray ids;
        m_daemon.docker({"images", "-aq"}, &ids);
        const QStringList images = QString::fromUtf8(ids).split('\n', Qt::SkipEmptyParts);
        if (!images.isEmpty())
            m_daemon.docker(QStringList{"rmi", "-f"} + images);
    }

    // use_proxy = false cannot work with the docker communicator: Packer's warning, then the
    // proxy adapter anyway: with SFTP (the image's sftp-server at Packer's default
    // sftp_command, run through the docker communicator), and with pipelining (modules on
    // python3's stdin, streamed through `docker exec -i`).
    void ansibleThroughProxy_data()
    {
        QTest::addColumn<QVariantMap>("extra");
        QTest::newRow("sftp") << QVariantMap{{"use_sftp", true}};
        QTest::newRow("pipelining")
            << QVariantMap{{"ansible_env_vars", QStringList{"ANSIBLE_PIPELINING=True"}}};
    }
    void ansibleThroughProxy()
    {
        QFETCH(QVariantMap, extra);
        const bool pipelining = extra.contains("ansible_env_vars");
        QVariantMap config{{"playbook_file", fixtures + "/docker.yml"}, {"use_proxy", false},
            {"extra_arguments",
                QStringList{"-e", "ansible_python_interpreter=/usr/bin/python3"}
                    + (pipelining ? QStringList{"-vvv"} : QStringList{})}};
        config.insert(extra);
        auto run = dockerBuild(config, false);
        const QString said = test::transcript(run->h.sink);
        if (!run->artifact)
            qWarning().noquote() << said;
        QVERIFY2(run->artifact, qPrintable(run->h.ctx.error()));
        QVERIFY(run->h.sink.errors().contains(
            "Warning: use_proxy is false, but communicator is neither ssh nor winrm, so without "
            "the "
            "proxy ansible will not function. Falling back to localhost proxy."));
        QVERIFY(said.contains("Setting up proxy adapter for Ansible...."));
        const QString image = run->artifact->id();
        QCOMPARE(inImage(image, {"cat", "/etc/kiln-ansible"}),
            QByteArray("provisioned by ansible through the proxy\n"));
        QVERIFY(inImage(image, {"getent", "passwd", "kilnansible"}).startsWith("kilnansible:"));
        if (pipelining) {
            QVERIFY2(said.contains("python3 && sleep 0"), qPrintable(said));
            QVERIFY2(!said.contains("AnsiballZ_command.py"), qPrintable(said));
        }
    }

    void ansibleLocalWithMountedAnsible()
    {
        const QString python = QStringLiteral("/usr/lib/python3/dist-packages");
        const QString playbook = QStandardPaths::findExecutable(QStringLiteral("ansible-playbook"));
        auto run = dockerBuild(
            {{"playbook_file", fixtures + "/local/docker-local.yml"},
                {"clean_staging_directory", true},
                {"command", "ANSIBLE_PYTHON_INTERPRETER=/usr/bin/python3 ansible-playbook"}},
            true,
            {{python, python + ":ro"},
                {QFileInfo(playbook).canonicalFilePath(), "/usr/local/bin/ansible-playbook:ro"}});
        const QString said = test::transcript(run->h.sink);
        if (!run->artifact)
            qWarning().noquote() << said;
        QVERIFY2(run->artifact, qPrintable(run->h.ctx.error()));
        QCOMPARE(inImage(run->artifact->id(), {"cat", "/etc/kiln-ansible-local"}),
            QByteArray("provisioned by ansible-local in the container\n"));
        // Ansible itself was only mounted, and the staging directory was cleaned.
        // (docker leaves an empty mount point behind).
        QCOMPARE(
            inImage(run->artifact->id(),
                {"sh", "-c", "test ! -s /usr/local/bin/ansible-playbook && echo only-mounted"}),
            QByteArray("only-mounted\n"));
        QVERIFY(inImage(run->artifact->id(), {"ls", "/tmp/packer-provisioner-ansible-local"})
                    .trimmed()
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAnsibleDocker)
#include "tst_ansibledocker.moc"
