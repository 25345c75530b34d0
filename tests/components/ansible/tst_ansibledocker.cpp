// Both Ansible provisioners inside a real docker build (tests/support/DockerDaemon): the base
// image is the test guest's Debian root file system (python3, no Ansible) imported with
// `docker import`. `ansible` reaches the container only through the SSH proxy adapter and the
// docker communicator; `ansible-local` runs the host's ansible-core inside the container,
// mounted read-only through the builder's `volumes`. The committed images are run to check
// what the playbooks changed.

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

// A committing docker build of the Debian image whose provisioning hook runs `provisioner`.
std::unique_ptr<DockerRun> dockerBuild(
    const QVariantMap &provisioner, bool local, const QVariantMap &extra = {})
{
    auto run = std::make_unique<DockerRun>();
    run->h.ctx.builderType = QStringLiteral("docker");
    run->h.ctx.name = QStringLiteral("docker.example");
    QVariantMap config{{"image", baseImage}, {"pull", false}, {"commit", true}};
    config.insert(extra);
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

    void ansibleThroughProxy()
    {
        auto run = dockerBuild(
            {{"playbook_file", fixtures + "/docker.yml"}, {"use_sftp", true},
                {"extra_arguments",
                    QStringList{"-e", "ansible_python_interpreter=/usr/bin/python3"}}},
            false);
        const QString said = test::transcript(run->h.sink);
        QVERIFY2(run->artifact, qPrintable(run->h.ctx.error() + "\n" + said));
        QVERIFY(said.contains("Setting up proxy adapter for Ansible...."));
        const QString image = run->artifact->id();
        QCOMPARE(inImage(image, {"cat", "/etc/kiln-ansible"}),
            QByteArray("provisioned by ansible through the proxy\n"));
        QVERIFY(inImage(image, {"getent", "passwd", "kilnansible"}).startsWith("kilnansible:"));
    }

    // use_proxy = false cannot work with the docker communicator: Packer's warning, then the
    // proxy anyway (scp in SFTP mode this time).
    void useProxyFalseFallsBack()
    {
        auto run = dockerBuild(
            {{"playbook_file", fixtures + "/docker.yml"}, {"use_proxy", false},
                {"extra_arguments",
                    QStringList{"-e", "ansible_python_interpreter=/usr/bin/python3"}}},
            false);
        const QString said = test::transcript(run->h.sink);
        QVERIFY2(run->artifact, qPrintable(run->h.ctx.error() + "\n" + said));
        QVERIFY(run->h.sink.errors().contains(
            "Warning: use_proxy is false, but communicator is neither ssh nor winrm, so without "
            "the proxy "
            "ansible will not function. Falling back to localhost proxy."));
        QCOMPARE(inImage(run->artifact->id(), {"cat", "/etc/kiln-ansible"}),
            QByteArray("provisioned by ansible through the proxy\n"));
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
            {{"volumes",
                QVariantMap{{python, python + ":ro"},
                    {QFileInfo(playbook).canonicalFilePath(),
                        "/usr/local/bin/ansible-playbook:ro"}}}});
        const QString said = test::transcript(run->h.sink);
        QVERIFY2(run->artifact, qPrintable(run->h.ctx.error() + "\n" + said));
        QCOMPARE(inImage(run->artifact->id(), {"cat", "/etc/kiln-ansible-local"}),
            QByteArray("provisioned by ansible-local in the container\n"));
        // Ansible itself was only mounted, and the staging directory was cleaned.
        QVERIFY(!inImage(run->artifact->id(), {"ls", "/usr/local/bin"}).contains("ansible"));
        QVERIFY(inImage(run->artifact->id(), {"ls", "/tmp/packer-provisioner-ansible-local"})
                    .trimmed()
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAnsibleDocker)
#include "tst_ansibledocker.moc"
