// The qemu builder end to end against real QEMU (TCG): the TESTBED guest boots from a disk
// image with -kernel/-initrd through qemuargs, the boot command is typed into its console
// and fetches a file from the builder's HTTP server, a real shell provisioner writes onto
// the guest's disk over SSH, the guest powers off, and the compacted qcow2 is checked.
// Also -force and a cancel during boot (no QEMU left, no output directory).
#include "components/Descriptors.h"
#include "engine/build/Builder.h"
#include "engine/build/Provisioner.h"
#include "engine/communicator/Communicator.h"
#include "support/BuildHarness.h"
#include "support/QemuGuest.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <thread>

using namespace kiln;

namespace {

template <typename T> std::unique_ptr<T> make(const registry::ComponentDescriptor &d)
{
    auto made = d.create();
    return std::unique_ptr<T>(dynamic_cast<T *>(made.release()));
}

// Processes whose command line contains `needle` (the build's unique vm_name).
int processesWith(const QString &needle)
{
    int n = 0;
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (pid.toInt() > 0 && f.open(QIODevice::ReadOnly) && f.readAll().contains(needle.toUtf8())
            && !f.fileName().contains(QString::number(QCoreApplication::applicationPid())))
            ++n;
    }
    return n;
}

} // namespace

class TestQemuBuild : public QObject
{
    Q_OBJECT

private:
    test::QemuGuest m_guest;
    QTemporaryDir m_tmp;
    QString m_disk;

    QVariantMap config(const QString &outputDir, const QString &vmName)
    {
        return {
            {"iso_url", m_disk},
            {"iso_checksum", "none"},
            {"disk_image", true},
            {"disk_size", "80M"},
            {"headless", true},
            {"accelerator", "tcg"},
            {"memory", 512},
            {"net_device", "e1000"},
            {"output_directory", outputDir},
            {"vm_name", vmName},
            {"boot_wait", "1s"},
            {"boot_key_interval", "5ms"},
            {"ssh_username", "root"},
            {"ssh_private_key_file", m_guest.privateKey()},
            {"ssh_timeout", "3m"},
            {"shutdown_command", "sync; echo o > /proc/sysrq-trigger"},
            {"shutdown_timeout", "1m"},
            {"qemuargs", QVariantList{QStringList{"-kernel", m_guest.kernel()}, QStringList{"-initrd", m_guest.initrd()},
                                      QStringList{"-append", "console=ttyS0 quiet panic=-1"}}},
        };
    }

private slots:
    void initTestCase()
    {
        const QString reason = test::QemuGuest::unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        QString error;
        QVERIFY2(m_guest.prepare(&error), qPrintable(error));
        m_disk = m_tmp.filePath("base.qcow2");
        QVERIFY2(test::QemuGuest::makeExt4Disk(m_disk, 64, &error), qPrintable(error));
    }

    void buildProvisionAndConvert_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("efi");
        QTest::newRow("qcow2") << "qcow2" << false;
        // UEFI (OVMF) boots too slowly under TCG for a test; its command line is unit-tested.
        QTest::newRow("raw") << "raw" << false;
    }

    void buildProvisionAndConvert()
    {
        QFETCH(QString, format);
        QFETCH(bool, efi);
        const QString out = m_tmp.filePath("out-" + format);
        QVariantMap c = config(out, "kiln-" + format + "-" + QString::number(QCoreApplication::applicationPid()));
        c.insert("format", format);
        c.insert("efi_boot", efi);
        c.insert("http_content", QVariantMap{{"/typed.txt", "fetched-over-http"}});
        // Keys typed before the guest's tty1 shell is open are lost: TCG needs ~10 s to get
        // there.
        c.insert("boot_wait", "20s");
        // Typed into the guest's tty1 shell: bash fetches a file from the builder's HTTP
        // server through the templated address and keeps it for the provisioner.
        c.insert("boot_command", QStringList{
            "bash -c 'exec 3<>/dev/tcp/{{ .HTTPIP }}/{{ .HTTPPort }}; printf \"GET /typed.txt HTTP/1.0\\r\\n\\r\\n\" >&3; ",
            "cat <&3 > /tmp/typed'<enter>"});
        test::Harness h;
        h.ctx.builderType = "qemu";
        h.ctx.name = "qemu.example";
        auto builder = make<build::Builder>(components::qemuBuilderDescriptor());
        const build::PrepareResult prepared = builder->prepare(test::configFrom(c));
        QVERIFY2(prepared.ok(), qPrintable(prepared.errors.join('\n')));
        auto shell = make<build::Provisioner>(components::shellProvisionerDescriptor());
        QVERIFY(shell->prepare(test::configFrom({{"inline", QStringList{
            "for i in $(seq 1 60); do grep -q fetched /tmp/typed 2>/dev/null && break; sleep 1; done",
            "mount /dev/vda /mnt",
            "tail -n 1 /tmp/typed > /mnt/typed",
            "echo provisioned-by-kiln > /mnt/hello",
            "umount /mnt"}}})).ok());
        h.ctx.provision = [&](comm::Communicator &comm) { return shell->provision(h.ctx, comm); };

        const build::ArtifactPtr artifact = builder->run(h.ctx);
        QVERIFY2(artifact, qPrintable(h.ctx.error() + "\n" + h.sink.says().join('\n') + h.sink.errors().join('\n')));
        const QStringList says = h.sink.says();
        QStringList expected{
            "Retrieving ISO", "Copying hard drive...",
            "Resizing hard drive...", "Starting HTTP server on port ",
            "Looking for available communicator (SSH, WinRM, etc) port between 2222 and 4444",
            "Found port for communicator (SSH, WinRM, etc): ", "Starting VM, booting disk image",
            "Overriding default Qemu arguments with qemuargs template option...", "Waiting 20s for boot...",
            "Connecting to VM via VNC (127.0.0.1:", "Typing the boot commands over VNC...", "Waiting for SSH to become available...", "Connected to SSH!",
            "Gracefully halting virtual machine...", "Converting hard drive..."};
        if (format == "qcow2") {
            // Same format as the image: copied, not converted (a message); compacted at the end.
            expected.removeOne("Copying hard drive...");
            QVERIFY(h.sink.messages().contains(
                "File extension already matches desired output format. Skipping qemu-img convert step"));
        } else {
            expected.removeOne("Converting hard drive..."); // raw: no compaction
            QVERIFY(!says.contains("Converting hard drive..."));
        }
        qsizetype at = 0;
        for (const QString &e : expected) {
            while (at < says.size() && !says.at(at).startsWith(e))
                ++at;
            QVERIFY2(at < says.size(), qPrintable("missing or out of order: " + e + "\n" + says.join('\n')));
        }
        QCOMPARE(artifact->id(), QStringLiteral("VM"));
        QCOMPARE(artifact->string(), "VM files in directory: " + out);
        const QString image = QDir(out).filePath(c.value("vm_name").toString());
        QStringList files{image};
        if (efi)
            files.prepend(QDir(out).filePath("efivars.fd")); // the VM's NVRAM, kept as Packer does
        QCOMPARE(artifact->files(), files);
        QCOMPARE(processesWith(c.value("vm_name").toString()), 0);

        QProcess info;
        info.start("qemu-img", {"info", "--output=json", image});
        QVERIFY(info.waitForFinished(30000));
        const QJsonObject json = QJsonDocument::fromJson(info.readAllStandardOutput()).object();
        QCOMPARE(json.value("format").toString(), format);
        QCOMPARE(json.value("virtual-size").toInteger(), qint64(80) << 20);
        QString error;
        QCOMPARE(test::QemuGuest::readFileFromImage(image, "/hello", &error), QByteArray("provisioned-by-kiln\n"));
        QCOMPARE(test::QemuGuest::readFileFromImage(image, "/typed", &error), QByteArray("fetched-over-http"));
    }

    void outputDirectoryNeedsForce()
    {
        const QString out = m_tmp.filePath("out-exists");
        QVERIFY(QDir().mkpath(out));
        test::Harness h;
        auto builder = make<build::Builder>(components::qemuBuilderDescriptor());
        QVERIFY(builder->prepare(test::configFrom(config(out, "kiln-exists"))).ok());
        QVERIFY(!builder->run(h.ctx));
        QCOMPARE(h.ctx.error(), "Output directory '" + out + "' already exists. It must not exist.");
        QVERIFY(QDir(out).exists()); // not ours: left alone
    }

    void shutdownTimeoutKillsQemu()
    {
        const QString out = m_tmp.filePath("out-timeout");
        const QString vmName = "kiln-timeout-" + QString::number(QCoreApplication::applicationPid());
        QVariantMap c = config(out, vmName);
        c.insert("boot_wait", "0s");
        c.insert("shutdown_command", "true"); // the guest never powers off
        c.insert("shutdown_timeout", "3s");
        test::Harness h;
        h.ctx.provision = [](comm::Communicator &) { return QString(); };
        auto builder = make<build::Builder>(components::qemuBuilderDescriptor());
        QVERIFY(builder->prepare(test::configFrom(c)).ok());
        QVERIFY(!builder->run(h.ctx));
        QCOMPARE(h.ctx.error(), QStringLiteral("Timeout while waiting for machine to shut down."));
        QVERIFY(h.sink.says().contains("Gracefully halting virtual machine..."));
        QVERIFY(!QDir(out).exists());
        QCOMPARE(processesWith(vmName), 0);
    }

    void cancelDuringBootWithForce()
    {
        const QString out = m_tmp.filePath("out-cancel");
        QVERIFY(QDir().mkpath(out));
        QFile marker(QDir(out).filePath("old-file"));
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.close();
        const QString vmName = "kiln-cancel-" + QString::number(QCoreApplication::applicationPid());
        QVariantMap c = config(out, vmName);
        c.insert("boot_wait", "2m");
        test::Harness h;
        h.ctx.options.force = true;
        auto builder = make<build::Builder>(components::qemuBuilderDescriptor());
        QVERIFY(builder->prepare(test::configFrom(c)).ok());
        std::thread canceller([&h, vmName] {
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < 60000 && !h.sink.says().contains("Waiting 2m0s for boot..."))
                QThread::msleep(50);
            QThread::msleep(500);
            h.ctx.cancel->cancel();
        });
        const build::ArtifactPtr artifact = builder->run(h.ctx);
        canceller.join();
        QVERIFY(!artifact);
        const QStringList says = h.sink.says();
        QVERIFY2(says.contains("Deleting previous output directory..."), qPrintable(says.join('\n')));
        QVERIFY(says.contains("Waiting 2m0s for boot..."));
        QVERIFY(says.contains("Deleting output directory..."));
        QVERIFY(!QDir(out).exists());
        QCOMPARE(processesWith(vmName), 0);
    }
};

QTEST_GUILESS_MAIN(TestQemuBuild)
#include "tst_qemubuild.moc"
