// puppet-masterless inside a real Docker build: the base image is the test guest's Debian
// root file system (with puppet-agent) imported into the test dockerd; Puppet creates a file
// and a user in the container, and the committed image holds both.

#include "components/Descriptors.h"
#include "engine/build/Builder.h"
#include "engine/build/Provisioner.h"
#include "support/BuildHarness.h"
#include "support/DockerDaemon.h"
#include "support/QemuGuest.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;

namespace {

template <typename T> std::unique_ptr<T> make(const registry::ComponentDescriptor &d)
{
    auto made = d.create();
    return std::unique_ptr<T>(dynamic_cast<T *>(made.release()));
}

const QString image = QStringLiteral("kiln-test/debian-puppet:latest");

} // namespace

class TestPuppetDocker : public QObject
{
    Q_OBJECT

private:
    test::DockerDaemon m_daemon;
    QTemporaryDir m_tmp;

    QByteArray inImage(const QString &imageId, const QStringList &command)
    {
        QByteArray out;
        m_daemon.docker(QStringList{"run", "--rm", "--network", "none", imageId} + command, &out);
        return out;
    }

private slots:
    void initTestCase()
    {
        const QString reason = test::DockerDaemon::unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        test::QemuGuest guest;
        QString error;
        QVERIFY2(guest.prepare(&error), qPrintable(error));
        QVERIFY2(m_daemon.start(&error), qPrintable(error));
        QByteArray err;
        QVERIFY2(m_daemon.docker({"import", guest.rootfsTarball(), image}, nullptr, &err) == 0,
            err.constData());
        qputenv("DOCKER_HOST", m_daemon.dockerHost().toUtf8());
        qputenv("PACKER_TMP_DIR", m_tmp.filePath(QStringLiteral("packer-tmp")).toUtf8());
    }

    void committedImageHoldsPuppetsChanges()
    {
        test::Harness h;
        h.ctx.builderType = "docker";
        h.ctx.name = "docker.example";
        auto builder = make<build::Builder>(components::dockerBuilderDescriptor());
        const build::PrepareResult prepared = builder->prepare(
            test::configFrom({{"image", image}, {"pull", false}, {"commit", true}}));
        QVERIFY2(prepared.ok(), qPrintable(prepared.errors.join('\n')));

        build::ComponentConfig config
            = test::configFrom({{"manifest_file", KILN_FIXTURES_DIR "/cm/puppet/image.pp"},
                {"facter", QVariantMap{{"kiln_file", "/etc/kiln-puppet.txt"}}},
                {"prevent_sudo", true}, {"clean_staging_directory", true}});
        config.interpolation.buildType = "docker";
        auto puppet = make<build::Provisioner>(components::puppetMasterlessProvisionerDescriptor());
        const build::PrepareResult puppetPrepared = puppet->prepare(config);
        QVERIFY2(puppetPrepared.ok(), qPrintable(puppetPrepared.errors.join('\n')));
        h.ctx.provision = [&](comm::Communicator &c) { return puppet->provision(h.ctx, c); };

        const build::ArtifactPtr artifact = builder->run(h.ctx);
        QVERIFY2(artifact,
            qPrintable(h.ctx.error() + "\n" + h.sink.messages().join('\n') + "\n"
                + h.sink.errors().join('\n')));
        const QStringList messages = h.sink.messages();
        QVERIFY2(messages.contains(
                     "Running Puppet: cd /tmp/packer-puppet-masterless && "
                     "FACTER_kiln_file='/etc/kiln-puppet.txt' FACTER_packer_build_name='example' "
                     "FACTER_packer_builder_type='docker' puppet apply --detailed-exitcodes "
                     "/tmp/packer-puppet-masterless/manifests/image.pp"),
            qPrintable(messages.join('\n')));
        QVERIFY(!messages.filter("Applied catalog in").isEmpty());

        const QString id = artifact->id();
        QCOMPARE(inImage(id, {"cat", "/etc/kiln-puppet.txt"}),
            QByteArray("made-by-puppet build=example type=docker\n"));
        QVERIFY(inImage(id, {"getent", "passwd", "kilnimage"}).startsWith("kilnimage:"));
        QCOMPARE(
            inImage(id,
                {"sh", "-c", "test -e /tmp/packer-puppet-masterless && echo left || echo clean"}),
            QByteArray("clean\n"));
        artifact->destroy();
    }
};

QTEST_GUILESS_MAIN(TestPuppetDocker)
#include "tst_puppetdocker.moc"
