// The qemu builder's configuration (Packer's Prepare: defaults and messages), its boot
// command language and its qemu command line, without starting QEMU.
#include "components/shared/qemu/BootCommand.h"
#include "components/shared/qemu/QemuCommandLine.h"
#include "components/shared/qemu/QemuSettings.h"
#include "support/BuildHarness.h"

#include <QTest>

using namespace kiln;
using namespace kiln::components;

class TestQemuConfig : public QObject
{
    Q_OBJECT

private:
    static QVariantMap base()
    {
        return {{QStringLiteral("iso_url"), QStringLiteral("/tmp/x.iso")},
                {QStringLiteral("iso_checksum"), QStringLiteral("none")},
                {QStringLiteral("ssh_username"), QStringLiteral("root")},
                {QStringLiteral("ssh_password"), QStringLiteral("pw")}};
    }
    static QemuSettings read(const QVariantMap &extra, build::PrepareResult *r)
    {
        QVariantMap m = base();
        for (auto it = extra.cbegin(); it != extra.cend(); ++it) {
            if (it.value().isNull())
                m.remove(it.key());
            else
                m.insert(it.key(), it.value());
        }
        QemuSettings settings;
        *r = settings.read(test::configFrom(m));
        return settings;
    }

private slots:
    void defaults()
    {
        build::PrepareResult r;
        const QemuSettings c = read({}, &r);
        QVERIFY2(r.ok(), qPrintable(r.errors.join('\n')));
        QCOMPARE(c.outputDir, QStringLiteral("output-example"));
        QCOMPARE(c.vmName, QStringLiteral("packer-example"));
        QCOMPARE(c.diskSize, QStringLiteral("40960M"));
        QCOMPARE(c.format, QStringLiteral("qcow2"));
        QCOMPARE(c.memory, 512);
        QCOMPARE(c.netDevice, QStringLiteral("virtio-net"));
        QCOMPARE(c.diskInterface, QStringLiteral("virtio"));
        QCOMPARE(c.bootWaitMs, 10000);
        QCOMPARE(c.shutdownTimeoutMs, 300000);
        QCOMPARE(c.hostPortMin, 2222);
        QCOMPARE(c.hostPortMax, 4444);
        QCOMPARE(c.accelerator, QFile::exists("/dev/kvm") ? QStringLiteral("kvm") : QStringLiteral("tcg"));
        QCOMPARE(r.warnings, QStringList{QStringLiteral("A checksum of 'none' was specified. Since ISO files are so big,\n"
                                                        "a checksum is highly recommended.")});
    }

    void errors_data()
    {
        QTest::addColumn<QVariantMap>("extra");
        QTest::addColumn<QString>("error");
        QTest::newRow("no iso") << QVariantMap{{"iso_url", QVariant()}}
                                << "One of iso_url or iso_urls must be specified";
        QTest::newRow("both iso") << QVariantMap{{"iso_urls", QStringList{"a"}}}
                                  << "Only one of iso_url or iso_urls must be specified";
        QTest::newRow("no checksum") << QVariantMap{{"iso_checksum", QVariant()}} << "A checksum must be specified";
        QTest::newRow("bad checksum") << QVariantMap{{"iso_checksum", "sha256:abc"}}
                                      << "Error parsing checksum: invalid checksum: sha256:abc";
        QTest::newRow("format") << QVariantMap{{"format", "vmdk"}}
                                << "invalid format, only 'qcow2' or 'raw' are allowed";
        QTest::newRow("backing") << QVariantMap{{"use_backing_file", true}}
                                 << "use_backing_file can only be enabled for QCOW2 images and when disk_image is true";
        QTest::newRow("resize") << QVariantMap{{"skip_resize_disk", true}}
                                << "skip_resize_disk can only be used when disk_image is true";
        QTest::newRow("accel") << QVariantMap{{"accelerator", "qvm"}}
                               << "invalid accelerator, only 'kvm', 'tcg', 'xen', 'hax', 'hvf', 'whpx', or 'none' are allowed";
        QTest::newRow("disk size") << QVariantMap{{"disk_size", "12 G"}} << "Invalid disk size.";
        QTest::newRow("interface") << QVariantMap{{"disk_interface", "floppy"}} << "unrecognized disk interface type";
        QTest::newRow("cpus") << QVariantMap{{"cpus", -1}} << "cpus must be a positive number";
        QTest::newRow("vnc min") << QVariantMap{{"vnc_port_min", 5000}} << "vnc_port_min cannot be below 5900";
        QTest::newRow("vnc order") << QVariantMap{{"vnc_port_min", 6001}} << "vnc_port_min must be less than vnc_port_max";
        QTest::newRow("user") << QVariantMap{{"ssh_username", QVariant()}}
                              << "An ssh_username must be specified\n  Note: some builders used to default "
                                 "ssh_username to \"root\".";
        QTest::newRow("steps") << QVariantMap{{"boot_command", QStringList{"a"}}, {"boot_steps", QVariantList{QStringList{"b", "B"}}}}
                               << "boot_command and boot_steps cannot be used together";
        QTest::newRow("http") << QVariantMap{{"http_port_min", 9500}} << "http_port_min must be less than http_port_max";
    }

    void errors()
    {
        QFETCH(QVariantMap, extra);
        QFETCH(QString, error);
        build::PrepareResult r;
        read(extra, &r);
        QVERIFY2(r.errors.contains(error), qPrintable(r.errors.join(" | ")));
    }

    void diskSizeGetsMegabytes()
    {
        build::PrepareResult r;
        QCOMPARE(read({{"disk_size", "2048"}}, &r).diskSize, QStringLiteral("2048M"));
        QCOMPARE(read({{"disk_size", "20G"}}, &r).diskSize, QStringLiteral("20G"));
        QVERIFY(r.ok());
    }

    void efiDefaults()
    {
        build::PrepareResult r;
        QemuSettings c = read({{"efi_firmware_vars", "/x/VARS.fd"}}, &r);
        QVERIFY(c.efiBoot);
        QCOMPARE(c.efiFirmwareCode, QStringLiteral("/usr/share/OVMF/OVMF_CODE.fd"));
        QCOMPARE(c.efiFirmwareVars, QStringLiteral("/x/VARS.fd"));
        QVERIFY(!read({}, &r).efiBoot);
    }

    void rawFormatSkipsCompaction()
    {
        build::PrepareResult r;
        const QemuSettings c = read({{"format", "raw"}, {"disk_compression", true}}, &r);
        QVERIFY(c.skipCompaction);
        QVERIFY(!c.diskCompression);
    }

    void bootCommand()
    {
        const QList<BootAction> a = BootCommand::parse(QStringLiteral("aB<enter><wait2><leftShiftOn>x<leftShiftOff><wait1m><foo>"));
        QCOMPARE(a.size(), 13);
        QCOMPARE(a.at(0).keys, QStringList{"a"});
        QCOMPARE(a.at(1).keys, (QStringList{"shift", "b"}));
        QCOMPARE(a.at(2).keys, QStringList{"ret"});
        QCOMPARE(a.at(3).kind, BootAction::Wait);
        QCOMPARE(a.at(3).waitMs, 2000);
        QCOMPARE(a.at(4).kind, BootAction::Down);
        QCOMPARE(a.at(4).keys, QStringList{"shift"});
        QCOMPARE(a.at(5).keys, QStringList{"x"});
        QCOMPARE(a.at(6).kind, BootAction::Up);
        QCOMPARE(a.at(7).waitMs, 60000);
        // Unknown names are typed as text: < f o o >
        QCOMPARE(a.at(8).keys, (QStringList{"shift", "comma"}));
        QCOMPARE(a.at(9).keys, QStringList{"f"});
        QCOMPARE(a.at(12).keys, (QStringList{"shift", "dot"}));
        QCOMPARE(BootCommand::parse("<wait>").first().waitMs, 1000);
        QCOMPARE(BootCommand::keysForChar(':'), (QStringList{"shift", "semicolon"}));
        QCOMPARE(BootCommand::keysForChar('/'), QStringList{"slash"});
    }

    void commandLine()
    {
        build::PrepareResult r;
        QemuSettings c = read({{"headless", true},
                             {"qemuargs", QVariantList{QStringList{"-m", "256M"}, QStringList{"-name", "{{ .Name }}-{{ .SSHHostPort }}"},
                                                       QStringList{"-device", "e1000,netdev=user.0"}, QStringList{"-nodefaults"}}}},
                            &r);
        QVERIFY2(r.ok(), qPrintable(r.errors.join('\n')));
        QemuLaunchState s;
        s.commHostPort = 3333;
        s.vncPort = 5901;
        s.isoPath = QStringLiteral("/tmp/x.iso");
        s.diskPaths = {QStringLiteral("output-example/packer-example")};
        QStringList messages;
        QString error;
        const QStringList args = QemuCommandLine::build(c, s, &messages, &error);
        QVERIFY(error.isEmpty());
        const QString line = args.join(' ');
        QVERIFY2(line.contains("-m 256M"), qPrintable(line));
        QVERIFY(!line.contains("-m 512M"));
        QVERIFY2(line.contains("-name packer-example-3333"), qPrintable(line));
        QVERIFY(line.contains("-netdev user,id=user.0,hostfwd=tcp:127.0.0.1:3333-:22"));
        QVERIFY(line.contains("-vnc 127.0.0.1:1"));
        QVERIFY(line.contains("-boot once=d"));
        QVERIFY(line.contains("-drive file=/tmp/x.iso,media=cdrom"));
        QVERIFY(line.contains("-drive file=output-example/packer-example,if=virtio,cache=writeback,discard=ignore,format=qcow2"));
        // The -device override dropped the net device: it is added back.
        QVERIFY2(line.contains("-device e1000,netdev=user.0 -device virtio-net,netdev=user.0"), qPrintable(line));
        QVERIFY(args.contains("-nodefaults"));
        QCOMPARE(messages.first(), QStringLiteral("Starting VM, booting from CD-ROM"));
        QVERIFY(messages.contains("Overriding default Qemu arguments with qemuargs template option..."));

        c.efiBoot = true;
        c.efiFirmwareCode = QStringLiteral("/usr/share/OVMF/OVMF_CODE.fd");
        s.efivarsPath = QStringLiteral("output-example/efivars.fd");
        const QString efi = QemuCommandLine::build(c, s, &messages, &error).join(' ');
        QVERIFY(!efi.contains("-boot"));
        QVERIFY(efi.contains("-drive file=/usr/share/OVMF/OVMF_CODE.fd,if=pflash,unit=0,format=raw,readonly=on "
                             "-drive file=output-example/efivars.fd,if=pflash,unit=1,format=raw"));

        c.qemuArgs = {{QStringLiteral("-name"), QStringLiteral("{{ .Nope")}};
        QVERIFY(QemuCommandLine::build(c, s, &messages, &error).isEmpty());
        QVERIFY2(error.startsWith("Error processing QemuArgs: "), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestQemuConfig)
#include "tst_qemuconfig.moc"
