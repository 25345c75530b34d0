// puppet-masterless inside the QEMU test guest (TCG, one run): the guest's own puppet-agent
// applies a manifest over SSH that writes onto its disk and creates a user; the test reads
// both back from the built image.

#include "components/Descriptors.h"
#include "engine/build/Builder.h"
#include "engine/build/Provisioner.h"
#include "support/BuildHarness.h"
#include "support/QemuGuest.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;

namespace {

template <typename T> std::unique_ptr<T> make(const registry::ComponentDescriptor &d)
{
    auto made = d.create();
    return std::unique_ptr<T>(dynamic_cast<T *>(made.release()));
}

} // namespace

class TestPuppetQemu : public QObject
{
    Q_OBJECT

private slots:
    void guestImageHoldsPuppetsChanges()
    {
        const QString reason = test::QemuGuest::unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        test::QemuGuest guest;
        QString error;
        QVERIFY2(guest.prepare(&error), qPrintable(error));
        QTemporaryDir tmp;
        const QString disk = tmp.filePath("base.qcow2");
        QVERIFY2(test::QemuGuest::makeExt4Disk(disk, 64, &error), qPrintable(error));
        const QString out = tmp.filePath("out");
        const QString vmName
            = QStringLiteral("kiln-puppet-%1").arg(QCoreApplication::applicationPid());

        test::Harness h;
        h.ctx.builderType = "qemu";
        h.ctx.name = "qemu.example";
        auto builder = make<build::Builder>(components::qemuBuilderDescriptor());
        const build::PrepareResult prepared = builder->prepare(test::configFrom({
            {"iso_url", disk},
            {"iso_checksum", "none"},
            {"disk_image", true},
            {"disk_size", "80M"},
            {"headless", true},
            {"accelerator", "tcg"},
            {"memory", 1024},
            {"net_device", "e1000"},
            {"output_directory", out},
            {"vm_name", vmName},
            {"boot_wait", "1s"},
            {"ssh_username", "root"},
            {"ssh_private_key_file", guest.privateKey()},
            {"ssh_timeout", "5m"},
            {"shutdown_command", "sync; echo o > /proc/sysrq-trigger"},
            {"shutdown_timeout", "1m"},
            {"qemuargs",
                QVariantList{QStringList{"-kernel", guest.kernel()},
                    QStringList{"-initrd", guest.initrdWithTools()},
                    QStringList{"-append", "console=ttyS0 quiet panic=-1"}}},
        }));
        QVERIFY2(prepared.ok(), qPrintable(prepared.errors.join('\n')));

        auto mount = make<build::Provisioner>(components::shellProvisionerDescriptor());
        QVERIFY(mount->prepare(test::configFrom({{"inline", QStringList{"mount /dev/vda /mnt"}}}))
                    .ok());
        build::ComponentConfig config
            = test::configFrom({{"manifest_file", KILN_FIXTURES_DIR "/cm/puppet/image.pp"},
                {"facter", QVariantMap{{"kiln_file", "/mnt/puppet.txt"}}}, {"prevent_sudo", true}});
        config.interpolation.buildType = "qemu";
        auto puppet = make<build::Provisioner>(components::puppetMasterlessProvisionerDescriptor());
        const build::PrepareResult puppetPrepared = puppet->prepare(config);
        QVERIFY2(puppetPrepared.ok(), qPrintable(puppetPrepared.errors.join('\n')));
        // The user lives in the guest's RAM root: its passwd line is kept on the disk.
        auto keep = make<build::Provisioner>(components::shellProvisionerDescriptor());
        QVERIFY(keep
                    ->prepare(test::configFrom({{"inline",
                        QStringList{"getent passwd kilnimage > /mnt/user.txt", "umount /mnt"}}}))
                    .ok());
        h.ctx.provision = [&](comm::Communicator &c) {
            for (build::Provisioner *p : {mount.get(), puppet.get(), keep.get()}) {
                const QString e = p->provision(h.ctx, c);
                if (!e.isEmpty())
                    return e;
            }
            return QString();
        };

        const build::ArtifactPtr artifact = builder->run(h.ctx);
        QVERIFY2(artifact,
            qPrintable(h.ctx.error() + "\n" + h.sink.messages().join('\n') + "\n"
                + h.sink.errors().join('\n')));
        QVERIFY(!h.sink.messages().filter("Applied catalog in").isEmpty());
        const QString imagePath = QDir(out).filePath(vmName);
        QCOMPARE(test::QemuGuest::readFileFromImage(imagePath, "/puppet.txt", &error),
            QByteArray("made-by-puppet build=example type=qemu\n"));
        QVERIFY2(test::QemuGuest::readFileFromImage(imagePath, "/user.txt", &error)
                     .startsWith("kilnimage:"),
            qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPuppetQemu)
#include "tst_puppetqemu.moc"
