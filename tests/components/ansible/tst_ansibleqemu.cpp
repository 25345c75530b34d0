// The ansible provisioner inside a real qemu build (TCG): the test guest boots, Ansible logs in
// over SSH with the communicator's key (use_proxy = false), creates a user and writes a file on
// the guest's disk; the test reads the built image. The playbook uses `raw` tasks (the guest's
// python3-minimal cannot run Ansible's modules), so the smaller guest without Python serves
// and boots faster under TCG.

#include "AnsibleTestRun.h"
#include "engine/build/Builder.h"
#include "support/QemuGuest.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;

class TestAnsibleQemu : public QObject
{
    Q_OBJECT

private:
    test::QemuGuest m_guest;
    QTemporaryDir m_tmp;
    QString m_disk;

private slots:
    void initTestCase()
    {
        const QString reason = test::QemuGuest::unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        if (QStandardPaths::findExecutable(QStringLiteral("ansible-playbook")).isEmpty())
            QSKIP("ansible-core is not installed");
        QString error;
        QVERIFY2(m_guest.prepare(&error), qPrintable(error));
        m_disk = m_tmp.filePath("base.qcow2");
        QVERIFY2(test::QemuGuest::makeExt4Disk(m_disk, 64, &error), qPrintable(error));
    }

    void ansibleOverSsh()
    {
        const QString out = m_tmp.filePath("out");
        const QString vmName
            = "kiln-ansible-" + QString::number(QCoreApplication::applicationPid());
        const QVariantMap config{{"iso_url", m_disk}, {"iso_checksum", "none"},
            {"disk_image", true}, {"headless", true}, {"accelerator", "tcg"}, {"memory", 512},
            {"net_device", "e1000"}, {"output_directory", out}, {"vm_name", vmName},
            {"boot_wait", "1s"}, {"ssh_username", "root"},
            {"ssh_private_key_file", m_guest.privateKey()}, {"ssh_timeout", "3m"},
            {"shutdown_command", "sync; echo o > /proc/sysrq-trigger"}, {"shutdown_timeout", "1m"},
            {"qemuargs",
                QVariantList{QStringList{"-kernel", m_guest.kernel()},
                    QStringList{"-initrd", m_guest.initrd()},
                    QStringList{"-append", "console=ttyS0 quiet panic=-1"}}}};
        test::Harness h;
        h.ctx.builderType = "qemu";
        h.ctx.name = "qemu.example";
        auto made = components::qemuBuilderDescriptor().create();
        std::unique_ptr<build::Builder> builder(dynamic_cast<build::Builder *>(made.release()));
        const build::PrepareResult prepared = builder->prepare(test::configFrom(config));
        QVERIFY2(prepared.ok(), qPrintable(prepared.errors.join('\n')));
        h.ctx.provision = [&h](comm::Communicator &comm) {
            return test::provisionWith(h, comm,
                {{"playbook_file", KILN_FIXTURES_DIR "/ansible/qemu.yml"}, {"use_proxy", false},
                    {"extra_arguments",
                        QStringList{"-e", "ansible_python_interpreter=/usr/bin/python3"}}});
        };
        const build::ArtifactPtr artifact = builder->run(h.ctx);
        const QString said = test::transcript(h.sink);
        QVERIFY2(artifact, qPrintable(h.ctx.error() + "\n" + said));
        QVERIFY(said.contains("Not using Proxy adapter for Ansible run:"));
        const QString image = QDir(out).filePath(vmName);
        QString error;
        QCOMPARE(test::QemuGuest::readFileFromImage(image, "/ansible", &error),
            QByteArray("provisioned by ansible in qemu\n"));
        QVERIFY(test::QemuGuest::readFileFromImage(image, "/user", &error).startsWith("kilnqemu:"));
    }
};

QTEST_GUILESS_MAIN(TestAnsibleQemu)
#include "tst_ansibleqemu.moc"
