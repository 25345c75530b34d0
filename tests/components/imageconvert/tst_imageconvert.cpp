// The image-convert post-processor against the real qemu-img: an ext4 disk with a known file
// is converted to every format; qemu-img check/info confirm format and size, every output
// converts back to the same raw bytes, the OVA is a valid tar whose manifest matches and whose
// OVF references the vmdk. A corrupt input and a cancel leave nothing behind.
#include "components/Descriptors.h"
#include "components/builders/qemu/QemuArtifact.h"
#include "components/postprocessors/image-convert/ImageConvertPostProcessor.h"
#include "components/postprocessors/image-convert/QemuImgConvert.h"
#include "engine/build/PostProcessor.h"
#include "support/BuildHarness.h"
#include "support/QemuGuest.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <QtEndian>

using namespace kiln;

namespace {

std::unique_ptr<build::PostProcessor> makeConverter(
    const QVariantMap &config, QStringList *errors = nullptr)
{
    auto made = components::imageConvertPostProcessorDescriptor().create();
    auto pp = std::unique_ptr<build::PostProcessor>(
        dynamic_cast<build::PostProcessor *>(made.release()));
    const build::PrepareResult r = pp->prepare(test::configFrom(config));
    if (errors)
        *errors = r.errors;
    return r.ok() ? std::move(pp) : nullptr;
}

// Runs a program; its exit code, stdout in *out.
int run(const QString &program, const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray fileSha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

// Cancels the build at the first progress event it sees: qemu-img reports 0% at once.
class CancelOnProgress : public build::EventSink
{
public:
    build::CancelTokenPtr token;
    void post(const build::BuildEvent &event) override
    {
        if (event.kind == build::BuildEvent::Kind::Progress)
            token->cancel(QStringLiteral("interrupted"));
    }
};

constexpr qint64 kDiskSize = qint64(32) << 20;

} // namespace

class TestImageConvert : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_input; // qcow2 with /hello.txt
    QByteArray m_rawSha; // sha256 of its raw bytes

    build::ArtifactPtr inputArtifact(const QString &disk) const
    {
        return std::make_shared<build::FileArtifact>(
            QStringLiteral("packer.file"), QStringList{disk});
    }

private slots:
    void initTestCase()
    {
        for (const char *tool : {"qemu-img", "mkfs.ext4", "debugfs", "tar"})
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                QSKIP(qPrintable(QStringLiteral("%1 is needed").arg(QString::fromLatin1(tool))));
        QString error;
        const QString made = m_tmp.filePath("made.qcow2");
        QVERIFY2(test::QemuGuest::makeExt4Disk(made, 32, &error), qPrintable(error));
        // Known content: a file written into the file system with debugfs, then back to qcow2.
        const QString raw = m_tmp.filePath("reference.raw");
        QCOMPARE(run("qemu-img", {"convert", "-f", "qcow2", "-O", "raw", made, raw}), 0);
        QFile content(m_tmp.filePath("hello.txt"));
        QVERIFY(content.open(QIODevice::WriteOnly));
        content.write("converted-by-kiln\n");
        content.close();
        QCOMPARE(
            run("debugfs", {"-w", "-R", "write " + content.fileName() + " /hello.txt", raw}), 0);
        m_input = m_tmp.filePath("disk.qcow2");
        QCOMPARE(run("qemu-img", {"convert", "-f", "raw", "-O", "qcow2", raw, m_input}), 0);
        m_rawSha = fileSha256(raw);
        QCOMPARE(test::QemuGuest::readFileFromImage(m_input, "/hello.txt", &error),
            QByteArray("converted-by-kiln\n"));
    }

    void prepareErrors_data()
    {
        QTest::addColumn<QVariantMap>("config");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown format")
            << QVariantMap{{"formats", QStringList{"vmdk", "vhd"}}}
            << R"(formats: unknown format "vhd"; expected one of "vmdk", "vhdx", "vdi", "raw", "qcow2")";
        QTest::newRow("no format")
            << QVariantMap{{"formats", QStringList{}}}
            << R"(formats must list at least one of "vmdk", "vhdx", "vdi", "raw", "qcow2")";
        QTest::newRow("twice") << QVariantMap{{"formats", QStringList{"vdi", "vdi"}}}
                               << R"(formats: "vdi" is listed twice)";
        QTest::newRow("ova needs streamOptimized")
            << QVariantMap{{"formats", QStringList{"vmdk"}}, {"vmdk_subformat", "monolithicSparse"}}
            << R"(ova requires vmdk_subformat "streamOptimized", got "monolithicSparse"; set ova = false to write a monolithicSparse vmdk alone)";
        QTest::newRow("vhdx subformat")
            << QVariantMap{{"formats", QStringList{"vhdx"}}, {"vhdx_subformat", "sparse"}}
            << R"(vhdx_subformat must be one of "dynamic", "fixed", got "sparse")";
        QTest::newRow("cpus") << QVariantMap{{"formats", QStringList{"vmdk"}}, {"ovf_cpus", 0}}
                              << "ovf_cpus must be at least 1, got 0";
    }

    void prepareErrors()
    {
        QFETCH(QVariantMap, config);
        QFETCH(QString, error);
        QStringList errors;
        QVERIFY(!makeConverter(config, &errors));
        QCOMPARE(errors, QStringList{error});
    }

    void progressParsing()
    {
        QByteArray pending;
        QCOMPARE(components::QemuImgConvert::parseProgress("    (0.00/100%)\r    (12.5", &pending),
            QList<double>{0.0});
        QCOMPARE(
            components::QemuImgConvert::parseProgress("0/100%)\r    (100.00/100%)\r\n", &pending),
            (QList<double>{12.5, 100.0}));
        QVERIFY(pending.isEmpty());
    }

    void convertsToEveryFormat()
    {
        const QString out = m_tmp.filePath("every");
        auto pp = makeConverter({{"formats", QStringList{"vmdk", "vhdx", "vdi", "raw", "qcow2"}},
            {"output_directory", out}, {"vm_name", "guest"}, {"ovf_cpus", 2}, {"ovf_memory", 512},
            {"ovf_name", "Kiln Guest"}});
        QVERIFY(pp);
        test::Harness h;
        const build::PostProcessResult r = pp->postProcess(h.ctx, inputArtifact(m_input));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.artifact->builderId(), QStringLiteral("kiln.post-processor.image-convert"));
        QCOMPARE(r.artifact->id(), out);
        QStringList expected;
        for (const char *f : {"guest.mf", "guest.ova", "guest.ovf", "guest.qcow2", "guest.raw",
                 "guest.vdi", "guest.vhdx", "guest.vmdk"})
            expected << QDir(out).filePath(QString::fromLatin1(f));
        QCOMPARE(r.artifact->files(), expected);
        QVERIFY(h.sink.says().contains(
            "Converting " + m_input + " (qcow2) to vhdx: " + out + "/guest.vhdx"));

        // Progress events of the conversions count up to the virtual size.
        bool finished = false;
        for (const build::BuildEvent &e : h.sink.events())
            if (e.kind == build::BuildEvent::Kind::Progress && e.total == kDiskSize
                && e.bytes == kDiskSize)
                finished = true;
        QVERIFY(finished);

        const QMap<QString, QString> formats{
            {"vmdk", "vmdk"}, {"vhdx", "vhdx"}, {"vdi", "vdi"}, {"raw", "raw"}, {"qcow2", "qcow2"}};
        for (auto it = formats.cbegin(); it != formats.cend(); ++it) {
            const QString image = QDir(out).filePath("guest." + it.key());
            QByteArray json;
            QCOMPARE(run("qemu-img", {"info", "--output=json", image}, &json), 0);
            const QJsonObject info = QJsonDocument::fromJson(json).object();
            QCOMPARE(info.value("format").toString(), it.value());
            QCOMPARE(info.value("virtual-size").toInteger(), kDiskSize);
            if (it.key() == "vmdk")
                QCOMPARE(info.value("format-specific")
                             .toObject()
                             .value("data")
                             .toObject()
                             .value("create-type")
                             .toString(),
                    QStringLiteral("streamOptimized"));
            if (it.key() != "raw")
                QCOMPARE(run("qemu-img", {"check", image}), 0);
            const QString back = m_tmp.filePath("back-" + it.key() + ".raw");
            QCOMPARE(run("qemu-img", {"convert", "-O", "raw", image, back}), 0);
            QCOMPARE(fileSha256(back), m_rawSha);
            QFile::remove(back);
        }
        QString error;
        QCOMPARE(test::QemuGuest::readFileFromImage(
                     QDir(out).filePath("guest.vhdx"), "/hello.txt", &error),
            QByteArray("converted-by-kiln\n"));

        // The OVA: descriptor, manifest, disk, in that order, each identical to its file.
        const QString ova = QDir(out).filePath("guest.ova");
        QByteArray listing;
        QCOMPARE(run("tar", {"tf", ova}, &listing), 0);
        QCOMPARE(listing, QByteArray("guest.ovf\nguest.mf\nguest.vmdk\n"));
        QMap<QString, QByteArray> members;
        for (const char *name : {"guest.ovf", "guest.mf", "guest.vmdk"}) {
            const QString m = QString::fromLatin1(name);
            QCOMPARE(run("tar", {"xOf", ova, m}, &members[m]), 0);
            QFile f(QDir(out).filePath(m));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(members[m] == f.readAll(), qPrintable(m));
        }
        const QByteArray manifest = "SHA256(guest.ovf)= " + sha256(members["guest.ovf"])
            + "\nSHA256(guest.vmdk)= " + sha256(members["guest.vmdk"]) + "\n";
        QCOMPARE(members["guest.mf"], manifest);

        // The OVF is well-formed and describes the vmdk and the configured hardware.
        QXmlStreamReader xml(members["guest.ovf"]);
        const QString ovf = QStringLiteral("http://schemas.dmtf.org/ovf/envelope/1");
        QString href, size, capacity, name, format;
        QStringList quantities, resourceTypes;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            const auto attrs = xml.attributes();
            if (xml.name() == QLatin1String("File")) {
                href = attrs.value(ovf, "href").toString();
                size = attrs.value(ovf, "size").toString();
            } else if (xml.name() == QLatin1String("Disk")) {
                capacity = attrs.value(ovf, "capacity").toString();
                format = attrs.value(ovf, "format").toString();
            } else if (xml.name() == QLatin1String("Name")) {
                name = xml.readElementText();
            } else if (xml.name() == QLatin1String("VirtualQuantity")) {
                quantities << xml.readElementText();
            } else if (xml.name() == QLatin1String("ResourceType")) {
                resourceTypes << xml.readElementText();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(href, QStringLiteral("guest.vmdk"));
        QCOMPARE(size, QString::number(QFileInfo(QDir(out).filePath("guest.vmdk")).size()));
        QCOMPARE(capacity, QString::number(kDiskSize));
        QVERIFY(format.endsWith("#streamOptimized"));
        QCOMPARE(name, QStringLiteral("Kiln Guest"));
        QCOMPARE(quantities, (QStringList{"2", "512"}));
        QCOMPARE(resourceTypes, (QStringList{"3", "4", "6", "17", "10"}));
    }

    void subformatsAndDiskSelection()
    {
        // The qemu builder's artifact: the disk is the file named after vm_name, not efivars.fd.
        const QString dir = m_tmp.filePath("qemu-out");
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::copy(m_input, dir + "/packer-vm"));
        QFile efivars(dir + "/efivars.fd");
        QVERIFY(efivars.open(QIODevice::WriteOnly));
        efivars.write(QByteArray(4096, 0));
        efivars.close();
        auto input = std::make_shared<components::QemuArtifact>(dir,
            QStringList{dir + "/efivars.fd", dir + "/packer-vm"},
            QVariantMap{{"diskName", "packer-vm"}});
        const QString out = m_tmp.filePath("fixed");
        auto pp = makeConverter({{"formats", QStringList{"vhdx", "vdi", "vmdk"}},
            {"output_directory", out}, {"vhdx_subformat", "fixed"}, {"vdi_subformat", "fixed"},
            {"vmdk_subformat", "monolithicFlat"}, {"ova", false}});
        QVERIFY(pp);
        test::Harness h;
        const build::PostProcessResult r = pp->postProcess(h.ctx, input);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        // A flat vmdk is a descriptor plus its extent: both are listed.
        QCOMPARE(r.artifact->files(),
            (QStringList{out + "/packer-vm-flat.vmdk", out + "/packer-vm.vdi",
                out + "/packer-vm.vhdx", out + "/packer-vm.vmdk"}));
        // Fully allocated outputs take the whole virtual size on disk.
        QVERIFY(QFileInfo(out + "/packer-vm.vdi").size() >= kDiskSize);
        QVERIFY(QFileInfo(out + "/packer-vm-flat.vmdk").size() >= kDiskSize);
        QByteArray json;
        QCOMPARE(run("qemu-img", {"info", "--output=json", out + "/packer-vm.vmdk"}, &json), 0);
        QCOMPARE(QJsonDocument::fromJson(json)["format-specific"]["data"]["create-type"].toString(),
            QStringLiteral("monolithicFlat"));
        QCOMPARE(run("qemu-img", {"check", out + "/packer-vm.vhdx"}), 0);
    }

    void corruptInputLeavesNothing()
    {
        // A qcow2 whose header is fine but whose first L1 entry points at an unaligned L2
        // table: qemu-img info accepts it, the conversion fails on the first read.
        const QString bad = m_tmp.filePath("corrupt.qcow2");
        QVERIFY(QFile::copy(m_input, bad));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(40);
        QByteArray l1 = f.read(8);
        const quint64 l1Offset = qFromBigEndian<quint64>(l1.constData());
        f.seek(qint64(l1Offset));
        const quint64 entry = qToBigEndian<quint64>(0x8000000000000201ULL);
        f.write(reinterpret_cast<const char *>(&entry), 8);
        f.close();

        const QString out = m_tmp.filePath("corrupt-out");
        auto pp
            = makeConverter({{"formats", QStringList{"vdi", "vmdk"}}, {"output_directory", out}});
        QVERIFY(pp);
        test::Harness h;
        const build::PostProcessResult r = pp->postProcess(h.ctx, inputArtifact(bad));
        QVERIFY(!r.artifact);
        QVERIFY2(r.error.startsWith("QemuImg error: ") && r.error.contains("Input/output error"),
            qPrintable(r.error));
        QVERIFY(!QFileInfo::exists(out));
    }

    void notAnImage()
    {
        // A disk image, but not one image-convert takes: Virtual PC's vhd.
        const QString vhd = m_tmp.filePath("disk.vhd");
        QCOMPARE(run("qemu-img", {"convert", "-f", "qcow2", "-O", "vpc", m_input, vhd}), 0);
        const QString out = m_tmp.filePath("vpc-out");
        auto pp = makeConverter({{"formats", QStringList{"vdi"}}, {"output_directory", out}});
        QVERIFY(pp);
        test::Harness h;
        const build::PostProcessResult r = pp->postProcess(h.ctx, inputArtifact(vhd));
        QCOMPARE(r.error, "image-convert converts qcow2 and raw images; " + vhd + " is vpc");
        QVERIFY(!QFileInfo::exists(out));
    }

    void cancelRemovesPartialOutput()
    {
        const QString out = m_tmp.filePath("cancelled");
        auto pp
            = makeConverter({{"formats", QStringList{"raw", "vmdk"}}, {"output_directory", out}});
        QVERIFY(pp);
        test::Harness h;
        CancelOnProgress sink;
        sink.token = h.ctx.cancel;
        h.ctx.ui = build::BuildUi(h.ctx.name, &sink, h.secrets);
        const build::PostProcessResult r = pp->postProcess(h.ctx, inputArtifact(m_input));
        QVERIFY(!r.artifact);
        QCOMPARE(r.error, QStringLiteral("interrupted"));
        QVERIFY(!QFileInfo::exists(out));
    }

    void existingOutputDirectory()
    {
        const QString out = m_tmp.filePath("exists");
        QVERIFY(QDir().mkpath(out));
        QFile old(out + "/old");
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.close();
        auto pp = makeConverter({{"formats", QStringList{"qcow2"}}, {"output_directory", out}});
        test::Harness h;
        build::PostProcessResult r = pp->postProcess(h.ctx, inputArtifact(m_input));
        QCOMPARE(r.error, "Output directory '" + out + "' already exists. It must not exist.");
        QVERIFY(QFileInfo::exists(out + "/old")); // not ours: untouched

        h.ctx.options.force = true;
        r = pp->postProcess(h.ctx, inputArtifact(m_input));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.artifact->files(), QStringList{out + "/disk.qcow2"});
        QVERIFY(!QFileInfo::exists(out + "/old"));
        QVERIFY(r.artifact->destroy().isEmpty());
        QVERIFY(!QFileInfo::exists(out)); // the files, then the directory image-convert made
    }

    void defaultOutputDirectoryUsesBuildName()
    {
        QTemporaryDir cwd;
        test::Harness h;
        h.ctx.sourceName = "web";
        // Relative output directories are relative to the working directory, as in Packer.
        const QString previous = QDir::currentPath();
        QDir::setCurrent(cwd.path());
        auto pp = makeConverter({{"formats", QStringList{"qcow2"}}, {"qcow2_compression", true}});
        const build::PostProcessResult r = pp->postProcess(h.ctx, inputArtifact(m_input));
        QDir::setCurrent(previous);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.artifact->files(), QStringList{"output-web-converted/disk.qcow2"});
        QByteArray json;
        QCOMPARE(
            run("qemu-img",
                {"info", "--output=json", cwd.filePath("output-web-converted/disk.qcow2")}, &json),
            0);
        QCOMPARE(QJsonDocument::fromJson(json)["virtual-size"].toInteger(), kDiskSize);
    }
};

QTEST_GUILESS_MAIN(TestImageConvert)
#include "tst_imageconvert.moc"
