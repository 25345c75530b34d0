// End to end through `kiln build`: the QEMU test guest (tests/support/QemuGuest) is built by
// the qemu builder under TCG, a shell provisioner writes a file onto its disk over SSH, then
// image-convert makes vmdk (+OVF/OVA), vhdx and vdi, vagrant packs a libvirt box, and
// checksum sums every result; the box and its checksum go to S3 (s3rver on loopback) and
// over SFTP (a loopback sshd). Each artifact is verified: formats and sizes with qemu-img,
// the provisioned file read back from every converted disk and from the box's disk, the box
// layout and metadata, the checksum files, the uploaded objects and files byte for byte.
// Also: QEMU killed mid-build ends in a clear error with no QEMU left and no output
// directory, converted images or box.
#include "components/shared/s3/S3Client.h"
#include "components/shared/s3/S3Location.h"
#include "engine/build/CancelToken.h"
#include "support/QemuGuest.h"
#include "support/S3Server.h"
#include "support/SshServer.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using kiln::test::QemuGuest;

namespace {

int run(const QString &program, const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QByteArray sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

// The pids of processes whose command line contains `needle` (the build's unique vm_name).
QList<qint64> processesWith(const QString &needle)
{
    QList<qint64> pids;
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (pid.toLongLong() > 0 && pid.toLongLong() != QCoreApplication::applicationPid()
            && f.open(QIODevice::ReadOnly) && f.readAll().contains(needle.toUtf8()))
            pids << pid.toLongLong();
    }
    return pids;
}

} // namespace

class TestQemuPipeline : public QObject
{
    Q_OBJECT

private:
    QemuGuest m_guest;
    QTemporaryDir m_tmp;
    QString m_base;
    kiln::test::S3Server m_s3;
    kiln::test::SshServer m_sshd;

    QString templateText(const QString &vmName, const QStringList &inlineCommands) const
    {
        QStringList quoted;
        for (const QString &c : inlineCommands)
            quoted << QLatin1Char('"') + c + QLatin1Char('"');
        QFile f(QStringLiteral(KILN_FIXTURES_DIR "/qemu/pipeline/pipeline.pkr.hcl"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(f.readAll())
            .replace(QStringLiteral("@BASE@"), m_base)
            .replace(QStringLiteral("@VM_NAME@"), vmName)
            .replace(QStringLiteral("@KEY@"), m_guest.privateKey())
            .replace(QStringLiteral("@KERNEL@"), m_guest.kernel())
            .replace(QStringLiteral("@INITRD@"), m_guest.initrd())
            .replace(QStringLiteral("@INLINE@"), quoted.join(QStringLiteral(", ")))
            .replace(QStringLiteral("@S3_ENDPOINT@"), m_s3.endpoint())
            .replace(QStringLiteral("@SSH_PORT@"), QString::number(m_sshd.port()))
            .replace(QStringLiteral("@SSH_USER@"), kiln::test::SshServer::user())
            .replace(QStringLiteral("@SSH_KEY@"), m_sshd.clientKeyPath())
            .replace(QStringLiteral("@HOST_KEY@"), m_sshd.hostPublicKey())
            .replace(QStringLiteral("@REMOTE_DIR@"), remoteDir(vmName));
    }

    QString remoteDir(const QString &vmName) const
    {
        return m_sshd.sharedDir() + QStringLiteral("/") + vmName;
    }

    void startBuild(QProcess &p, const QString &dir, const QString &hcl) const
    {
        QFile f(dir + QStringLiteral("/pipeline.pkr.hcl"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(hcl.toUtf8());
        f.close();
        p.setWorkingDirectory(dir);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral(KILN_BINARY),
            {QStringLiteral("build"), QStringLiteral("-color=false"),
                QStringLiteral("pipeline.pkr.hcl")});
        QVERIFY(p.waitForStarted());
    }

private slots:
    void initTestCase()
    {
        const QString reason = QemuGuest::unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        QString error;
        QVERIFY2(m_guest.prepare(&error), qPrintable(error));
        m_base = m_tmp.filePath(QStringLiteral("base.qcow2"));
        QVERIFY2(QemuGuest::makeExt4Disk(m_base, 64, &error), qPrintable(error));
        for (const QString &why : {kiln::test::S3Server::unavailableReason(), kiln::test::SshServer::unavailableReason()})
            QVERIFY2(why.isEmpty(), qPrintable(why)); // packaging/setup-debian.sh installs both
        m_s3.addBucket(QStringLiteral("boxes"));
        QVERIFY2(m_s3.start(&error), qPrintable(error));
        QVERIFY2(m_sshd.start(&error), qPrintable(error));
    }

    void buildConvertPackAndChecksum()
    {
        QTemporaryDir dir;
        const QString vmName
            = QStringLiteral("pipeline-%1").arg(QCoreApplication::applicationPid());
        QProcess p;
        startBuild(p, dir.path(),
            templateText(vmName,
                {QStringLiteral("mount /dev/vda /mnt"),
                    QStringLiteral("echo provisioned-by-kiln > /mnt/hello"),
                    QStringLiteral("umount /mnt")}));
        QVERIFY(p.waitForFinished(300000));
        const QString out = QString::fromUtf8(p.readAll());
        QVERIFY2(p.exitCode() == 0, qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral(
                     "==> Builds finished. The artifacts of successful builds are:")),
            qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral(
                     "--> qemu.guest: 'libvirt' provider box: boxes/guest_libvirt.box")),
            qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral(
                     "--> qemu.guest: Converted disk images (vmdk, vhdx, vdi) in: images\n")),
            qPrintable(out));
        QVERIFY(processesWith(vmName).isEmpty());

        // The builder's own disk (kept by keep_input_artifact) holds the provisioned file.
        const QString disk = dir.filePath("output-guest/" + vmName);
        QString error;
        QCOMPARE(QemuGuest::readFileFromImage(disk, QStringLiteral("/hello"), &error),
            QByteArray("provisioned-by-kiln\n"));

        // Every converted disk: the right format and size, consistent, with the file inside.
        const QMap<QString, QString> images{{"vmdk", "vmdk"}, {"vhdx", "vhdx"}, {"vdi", "vdi"}};
        for (auto it = images.cbegin(); it != images.cend(); ++it) {
            const QString image = dir.filePath("images/" + vmName + "." + it.key());
            QByteArray json;
            QCOMPARE(run("qemu-img", {"info", "--output=json", image}, &json), 0);
            const QJsonObject info = QJsonDocument::fromJson(json).object();
            QCOMPARE(info.value("format").toString(), it.value());
            QCOMPARE(info.value("virtual-size").toInteger(), qint64(80) << 20);
            QCOMPARE(run("qemu-img", {"check", image}), 0);
            QCOMPARE(QemuGuest::readFileFromImage(image, QStringLiteral("/hello"), &error),
                QByteArray("provisioned-by-kiln\n"));
        }
        QByteArray listing;
        QCOMPARE(run("tar", {"tf", dir.filePath("images/" + vmName + ".ova")}, &listing), 0);
        QCOMPARE(listing, QString("%1.ovf\n%1.mf\n%1.vmdk\n").arg(vmName).toUtf8());

        // The box: Packer's layout, metadata for libvirt and the disk that was built.
        const QString box = dir.filePath("boxes/guest_libvirt.box");
        QCOMPARE(run("tar", {"tzf", box}, &listing), 0);
        QCOMPARE(listing, QByteArray("Vagrantfile\nbox.img\nmetadata.json\n"));
        QByteArray metadata;
        QCOMPARE(run("tar", {"xOzf", box, "metadata.json"}, &metadata), 0);
        QCOMPARE(QJsonDocument::fromJson(metadata).object(),
            (QJsonObject{{"provider", "libvirt"}, {"format", "qcow2"}, {"virtual_size", 1}}));
        QVERIFY(QDir(dir.path()).mkpath("unpacked"));
        QCOMPARE(run("tar", {"xzf", box, "-C", dir.filePath("unpacked"), "box.img"}), 0);
        QCOMPARE(sha256(dir.filePath("unpacked/box.img")), sha256(disk));

        // Checksums of every file of both chains, in Packer's "hash<TAB>base name" lines.
        QFile images256(dir.filePath("sums/guest_images.sha256"));
        QVERIFY(images256.open(QIODevice::ReadOnly));
        QStringList expected;
        for (const char *ext : {"mf", "ova", "ovf", "vdi", "vhdx", "vmdk"}) {
            const QString name = vmName + "." + QString::fromLatin1(ext);
            expected << QString::fromLatin1(sha256(dir.filePath("images/" + name))) + "\t" + name;
        }
        QCOMPARE(QString::fromUtf8(images256.readAll()), expected.join('\n') + '\n');
        QFile box256(dir.filePath("sums/guest_box.sha256"));
        QVERIFY(box256.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(box256.readAll()),
            QString::fromLatin1(sha256(box)) + "\tguest_libvirt.box\n");

        // The box and its checksum file, uploaded: the same bytes on S3 and over SFTP.
        QVERIFY2(out.contains(QStringLiteral("Uploaded to S3: s3://boxes/guest/guest_libvirt.box, s3://boxes/guest/guest_box.sha256")),
            qPrintable(out));
        QString e;
        const auto loc = kiln::components::s3::S3Location::make(QStringLiteral("boxes"), QStringLiteral("us-east-1"), m_s3.endpoint(), std::nullopt, &e);
        QVERIFY2(loc, qPrintable(e));
        kiln::components::s3::S3Client client(*loc, {QStringLiteral("S3RVER"), QStringLiteral("S3RVER"), {}, {}});
        QFile boxFile(box);
        QVERIFY(boxFile.open(QIODevice::ReadOnly));
        const QByteArray boxBytes = boxFile.readAll();
        const auto object = client.getObject(QStringLiteral("guest/guest_libvirt.box"), kiln::build::CancelToken::create());
        QVERIFY2(object.ok(), qPrintable(object.error));
        QCOMPARE(object.response.body, boxBytes);
        QCOMPARE(object.response.header("x-amz-meta-sha256"), sha256(box));
        QFile sftpBox(remoteDir(vmName) + QStringLiteral("/guest_libvirt.box"));
        QVERIFY(sftpBox.open(QIODevice::ReadOnly));
        QCOMPARE(sftpBox.readAll(), boxBytes);
        QFile sftpSums(remoteDir(vmName) + QStringLiteral("/guest_box.sha256"));
        QVERIFY(sftpSums.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(sftpSums.readAll()), QString::fromLatin1(sha256(box)) + "\tguest_libvirt.box\n");
    }

    void qemuKilledMidBuild()
    {
        QTemporaryDir dir;
        const QString vmName
            = QStringLiteral("pipeline-killed-%1").arg(QCoreApplication::applicationPid());
        QProcess p;
        startBuild(p, dir.path(),
            templateText(vmName,
                {QStringLiteral("echo provisioning-started"), QStringLiteral("sleep 120")}));
        QString out;
        QElapsedTimer t;
        t.start();
        while (!out.contains(QStringLiteral("provisioning-started")) && t.elapsed() < 240000
            && p.state() != QProcess::NotRunning) {
            p.waitForReadyRead(200);
            out += QString::fromUtf8(p.readAll());
        }
        QVERIFY2(out.contains(QStringLiteral("provisioning-started")), qPrintable(out));
        const QList<qint64> qemu = processesWith(vmName);
        QVERIFY(!qemu.isEmpty());
        for (qint64 pid : qemu)
            ::kill(pid_t(pid), SIGKILL);
        QVERIFY(p.waitForFinished(120000));
        out += QString::fromUtf8(p.readAll());
        QVERIFY2(p.exitCode() == 1, qPrintable(out));
        // The SSH session died with the VM: Packer's wording for a script that lost its machine.
        QVERIFY2(out.contains(QStringLiteral("Build 'qemu.guest' errored")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("--> qemu.guest: Script disconnected unexpectedly.")),
            qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("==> Builds finished but no artifacts were created.")),
            qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("==> qemu.guest: Deleting output directory...")),
            qPrintable(out));
        QVERIFY(processesWith(vmName).isEmpty());
        QVERIFY(!QFileInfo::exists(dir.filePath("output-guest")));
        QVERIFY(!QFileInfo::exists(dir.filePath("images")));
        QVERIFY(!QFileInfo::exists(dir.filePath("boxes")));
    }
};

QTEST_GUILESS_MAIN(TestQemuPipeline)
#include "tst_qemu_pipeline.moc"
