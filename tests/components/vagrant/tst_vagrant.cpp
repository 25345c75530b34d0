// The vagrant post-processor: libvirt boxes from the qemu builder's artifact (layout,
// metadata, Vagrantfile, the disk's bytes), Packer's options (compression_level, include,
// vagrantfile_template, override, output naming), Packer's errors, and a docker box from a
// real docker build against a private dockerd.
#include "components/Descriptors.h"
#include "components/builders/qemu/QemuArtifact.h"
#include "components/postprocessors/vagrant/VagrantProvider.h"
#include "engine/build/Builder.h"
#include "engine/build/PostProcessor.h"
#include "engine/build/Provisioner.h"
#include "engine/communicator/Communicator.h"
#include "support/BuildHarness.h"
#include "support/DockerDaemon.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;

namespace {

template <typename T> std::unique_ptr<T> make(const registry::ComponentDescriptor &d)
{
    auto made = d.create();
    return std::unique_ptr<T>(dynamic_cast<T *>(made.release()));
}

std::unique_ptr<build::PostProcessor> makeVagrant(
    const QVariantMap &config, QStringList *errors = nullptr)
{
    auto pp = make<build::PostProcessor>(components::vagrantPostProcessorDescriptor());
    const build::PrepareResult r = pp->prepare(test::configFrom(config));
    if (errors)
        *errors = r.errors;
    return r.ok() ? std::move(pp) : nullptr;
}

QByteArray tar(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("tar"), args);
    p.waitForFinished(30000);
    return p.exitCode() == 0 ? p.readAllStandardOutput()
                             : QByteArray("tar failed: " + p.readAllStandardError());
}

QByteArray member(const QString &box, const QString &name)
{
    return tar({QStringLiteral("xOzf"), box, name});
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestVagrant : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_disk;

    build::ArtifactPtr qemuArtifact(const QVariantMap &extra = {})
    {
        QVariantMap state{{"diskName", "packer-vm"}, {"diskType", "qcow2"}, {"diskSize", "80M"},
            {"domainType", "tcg"}, {"generated_data", QVariantMap{{"Host", "127.0.0.1"}}}};
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            state.insert(it.key(), it.value());
        const QString dir = QFileInfo(m_disk).path();
        return std::make_shared<components::QemuArtifact>(
            dir, QStringList{dir + "/efivars.fd", m_disk}, state);
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable("tar").isEmpty())
            QSKIP("tar is needed");
        QVERIFY(QDir().mkpath(m_tmp.filePath("vm")));
        m_disk = m_tmp.filePath("vm/packer-vm");
        QFile disk(m_disk);
        QVERIFY(disk.open(QIODevice::WriteOnly));
        // Not compressible to nothing, so a wrong entry size or offset shows.
        QByteArray bytes;
        for (quint32 i = 0; i < (3u << 18); ++i)
            bytes.append(char((i * 7919u) >> 3));
        disk.write(bytes);
        disk.close();
        QFile efivars(m_tmp.filePath("vm/efivars.fd"));
        QVERIFY(efivars.open(QIODevice::WriteOnly));
        efivars.write("nvram");
    }

    void libvirtBox()
    {
        const QString output = m_tmp.filePath("boxes/packer_{{ .BuildName }}_{{.Provider}}.box");
        auto pp = makeVagrant({{"output", output}});
        QVERIFY(pp);
        test::Harness h;
        const build::PostProcessResult r
            = pp->postProcess(h.ctx, qemuArtifact({{"diskInterface", "virtio-scsi"}}));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const QString box = m_tmp.filePath("boxes/packer_example_libvirt.box");
        QCOMPARE(r.artifact->builderId(), QStringLiteral("mitchellh.post-processor.vagrant"));
        QCOMPARE(r.artifact->id(), QStringLiteral("libvirt"));
        QCOMPARE(r.artifact->files(), QStringList{box});
        QCOMPARE(r.artifact->string(), "'libvirt' provider box: " + box);
        QVERIFY(!r.keep);
        QVERIFY(r.forceOverride);

        QCOMPARE(readAll(box).left(2), QByteArray("\x1f\x8b")); // gzip at the default level
        QCOMPARE(tar({"tzf", box}), QByteArray("Vagrantfile\nbox.img\nmetadata.json\n"));
        QCOMPARE(member(box, "box.img"), readAll(m_disk));
        QCOMPARE(member(box, "metadata.json"),
            QByteArray(R"({"format":"qcow2","provider":"libvirt","virtual_size":1})"
                       "\n"));
        const QJsonObject metadata = QJsonDocument::fromJson(member(box, "metadata.json")).object();
        QCOMPARE(metadata.value("virtual_size").toInt(), 1); // 80 MiB rounds up to 1 GiB
        QCOMPARE(member(box, "Vagrantfile"), QByteArray(R"(
# The contents below were provided by the Packer Vagrant post-processor

Vagrant.configure("2") do |config|
  config.vm.provider :libvirt do |libvirt|
    libvirt.driver = "qemu"
    libvirt.disk_bus = "scsi"
  end
end


# The contents below (if any) are custom contents provided by the
# Packer template during image build.

)"));
        QCOMPARE(h.sink.says(),
            (QStringList{
                "Creating a dummy Vagrant box to ensure the host system can create one correctly",
                "Creating Vagrant box for 'libvirt' provider"}));
        QCOMPARE(h.sink.messages(),
            (QStringList{"Copying from artifact: " + m_disk, "Compressing: Vagrantfile",
                "Compressing: box.img", "Compressing: metadata.json"}));
    }

    void compressionLevels_data()
    {
        QTest::addColumn<int>("level");
        QTest::addColumn<QByteArray>("magic");
        QTest::newRow("0: plain tar") << 0 << QByteArray("Vagrantfile");
        QTest::newRow("1") << 1 << QByteArray("\x1f\x8b");
        QTest::newRow("9") << 9 << QByteArray("\x1f\x8b");
    }

    void compressionLevels()
    {
        QFETCH(int, level);
        QFETCH(QByteArray, magic);
        const QString box = m_tmp.filePath(QStringLiteral("level-%1.box").arg(level));
        auto pp = makeVagrant({{"output", box}, {"compression_level", level}});
        QVERIFY(pp);
        test::Harness h;
        const build::PostProcessResult r
            = pp->postProcess(h.ctx, qemuArtifact({{"domainType", "kvm"}}));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(readAll(box).left(magic.size()), magic);
        QCOMPARE(tar({"xOf", box, "box.img"}), readAll(m_disk));
        QVERIFY(tar({"xOf", box, "Vagrantfile"}).contains("libvirt.driver = \"kvm\"\n  end"));
    }

    void includeTemplateAndOverride()
    {
        QFile custom(m_tmp.filePath("Vagrantfile.tpl"));
        QVERIFY(custom.open(QIODevice::WriteOnly));
        custom.write(
            "config.vm.box_version = \"{{ .Provider }}-{{ .BuildName }}-{{ .ArtifactId }}\"\n");
        custom.close();
        QFile info(m_tmp.filePath("info.json"));
        QVERIFY(info.open(QIODevice::WriteOnly));
        info.write("{\"author\":\"kiln\"}");
        info.close();
        QFile ownMetadata(m_tmp.filePath("inc/metadata.json"));
        QVERIFY(QDir().mkpath(m_tmp.filePath("inc")));
        QVERIFY(ownMetadata.open(QIODevice::WriteOnly));
        ownMetadata.write("{\"provider\":\"libvirt\",\"format\":\"qcow2\",\"virtual_size\":5}");
        ownMetadata.close();

        auto pp = makeVagrant({{"output", m_tmp.filePath("ignored.box")},
            {"include", QStringList{info.fileName(), ownMetadata.fileName()}},
            {"vagrantfile_template", custom.fileName()}, {"architecture", "amd64"},
            {"override",
                QVariantMap{
                    {"libvirt",
                        QVariantMap{{"output", m_tmp.filePath("{{.Architecture}}-override.box")},
                            {"compression_level", 0}}},
                    {"virtualbox", QVariantMap{{"output", "never.box"}}}}}});
        QVERIFY(pp);
        test::Harness h;
        const build::PostProcessResult r = pp->postProcess(h.ctx, qemuArtifact());
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const QString box = m_tmp.filePath("amd64-override.box");
        QCOMPARE(r.artifact->files(), QStringList{box});
        QVERIFY(!QFileInfo::exists(m_tmp.filePath("ignored.box")));
        QCOMPARE(tar({"tf", box}), QByteArray("Vagrantfile\nbox.img\ninfo.json\nmetadata.json\n"));
        QCOMPARE(tar({"xOf", box, "info.json"}), readAll(info.fileName()));
        // An included metadata.json wins over the generated one, as in Packer.
        QCOMPARE(tar({"xOf", box, "metadata.json"}), readAll(ownMetadata.fileName()));
        QVERIFY(tar({"xOf", box, "Vagrantfile"})
                    .endsWith("# Packer template during image build.\nconfig.vm.box_version = "
                              "\"libvirt-example-VM\"\n\n"));
        QVERIFY(h.sink.messages().contains("Using custom Vagrantfile: " + custom.fileName()));
        QVERIFY(h.sink.messages().contains("Copying from include: " + info.fileName()));
    }

    void architectureInMetadata()
    {
        const QString box = m_tmp.filePath("arch.box");
        auto pp = makeVagrant({{"output", box}, {"architecture", "arm64"}});
        QVERIFY(pp);
        test::Harness h;
        QVERIFY(pp->postProcess(h.ctx, qemuArtifact()).error.isEmpty());
        QCOMPARE(QJsonDocument::fromJson(member(box, "metadata.json"))["architecture"].toString(),
            QStringLiteral("arm64"));
    }

    void prepareErrors_data()
    {
        QTest::addColumn<QVariantMap>("config");
        QTest::addColumn<QString>("error");
        QTest::newRow("provider_override")
            << QVariantMap{{"provider_override", "kvm"}}
            << "The given provider_override kvm is not valid. Please choose from one of aws, "
               "azure, digitalocean, "
               "docker, google, hyperv, libvirt, lxc, parallels, scaleway, virtualbox, vmware";
        QTest::newRow("template missing")
            << QVariantMap{{"vagrantfile_template", "/nonexistent/Vagrantfile"}}
            << "vagrantfile_template '/nonexistent/Vagrantfile' does not exist";
        QTest::newRow("level") << QVariantMap{{"compression_level", 12}}
                               << "Invalid compression level. Expected an integer from -1 to 9.";
    }

    void prepareErrors()
    {
        QFETCH(QVariantMap, config);
        QFETCH(QString, error);
        QStringList errors;
        QVERIFY(!makeVagrant(config, &errors));
        QCOMPARE(errors, QStringList{error});
    }

    void generatedTemplateMayBeMissingAtPrepare()
    {
        QVERIFY(makeVagrant({{"vagrantfile_template", "/nonexistent/Vagrantfile"},
            {"vagrantfile_template_generated", true}}));
    }

    void postProcessErrors_data()
    {
        QTest::addColumn<QString>("builderId");
        QTest::addColumn<QVariantMap>("config");
        QTest::addColumn<QVariantMap>("state");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown artifact")
            << "packer.post-processor.compress" << QVariantMap{} << QVariantMap{}
            << "Unknown artifact type, can't build box: packer.post-processor.compress";
        QTest::newRow("artifice")
            << "packer.post-processor.artifice" << QVariantMap{{"provider_override", "virtualbox"}}
            << QVariantMap{}
            << "Kiln cannot build 'virtualbox' provider boxes: it has no builder for that platform";
        QTest::newRow("domain type")
            << "transcend.qemu" << QVariantMap{}
            << QVariantMap{{"diskName", "packer-vm"}, {"domainType", "xen"}, {"diskSize", "1G"}}
            << "Unknown libvirt domain type: xen";
        QTest::newRow("no disk") << "transcend.qemu" << QVariantMap{}
                                 << QVariantMap{{"diskName", "other"}, {"domainType", "tcg"},
                                        {"diskSize", "1G"}}
                                 << "Cannot find the disk image 'other' among the artifact's files";
        QTest::newRow("override not a map")
            << "transcend.qemu" << QVariantMap{{"override", QVariantMap{{"libvirt", "x"}}}}
            << QVariantMap{{"diskName", "packer-vm"}, {"domainType", "tcg"}}
            << "Error overriding config for libvirt: '' expected a map, got 'string'";
    }

    void postProcessErrors()
    {
        QFETCH(QString, builderId);
        QFETCH(QVariantMap, config);
        QFETCH(QVariantMap, state);
        QFETCH(QString, error);
        const QString box = m_tmp.filePath("error.box");
        config.insert("output", box);
        auto pp = makeVagrant(config);
        QVERIFY(pp);
        test::Harness h;
        auto input = std::make_shared<build::FileArtifact>(
            builderId, QStringList{m_disk}, QString(), QString(), state);
        const build::PostProcessResult r = pp->postProcess(h.ctx, input);
        QCOMPARE(r.error, error);
        QVERIFY(!r.artifact);
        QVERIFY(!QFileInfo::exists(box));
    }

    void sizeInMegabytes_data()
    {
        QTest::addColumn<QString>("size");
        QTest::addColumn<quint64>("mb");
        QTest::newRow("plain") << "512" << quint64(512);
        QTest::newRow("M") << "40960M" << quint64(40960);
        QTest::newRow("g") << "10g" << quint64(10240);
        QTest::newRow("K") << "2048K" << quint64(2);
        QTest::newRow("B") << "1048576B" << quint64(1);
        QTest::newRow("T") << "1T" << quint64(1048576);
    }

    void sizeInMegabytes()
    {
        QFETCH(QString, size);
        QFETCH(quint64, mb);
        QCOMPARE(components::VagrantProvider::sizeInMegabytes(size), mb);
    }

    void cancelLeavesNoBox()
    {
        const QString box = m_tmp.filePath("cancelled.box");
        auto pp = makeVagrant({{"output", box}});
        test::Harness h;
        h.ctx.cancel->cancel(QStringLiteral("interrupted"));
        const build::PostProcessResult r = pp->postProcess(h.ctx, qemuArtifact());
        QCOMPARE(r.error, QStringLiteral("interrupted"));
        QVERIFY(!QFileInfo::exists(box));
        QCOMPARE(QDir(m_tmp.path()).entryList({"cancelled.box*"}, QDir::Files | QDir::Hidden),
            QStringList());
    }

    void dockerBoxFromRealBuild()
    {
        const QString reason = test::DockerDaemon::unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        test::DockerDaemon daemon;
        QString error;
        QVERIFY2(daemon.start(&error), qPrintable(error));
        QVERIFY2(daemon.importBusybox(&error), qPrintable(error));
        qputenv("DOCKER_HOST", daemon.dockerHost().toUtf8());

        test::Harness h;
        h.ctx.builderType = "docker";
        h.ctx.name = "docker.example";
        auto builder = make<build::Builder>(components::dockerBuilderDescriptor());
        QVERIFY(builder
                    ->prepare(test::configFrom({{"image", test::DockerDaemon::busyboxImage()},
                        {"pull", false}, {"commit", true}}))
                    .ok());
        auto shell = make<build::Provisioner>(components::shellProvisionerDescriptor());
        QVERIFY(shell->prepare(test::configFrom({{"inline", QStringList{"echo boxed > /boxed"}}}))
                    .ok());
        h.ctx.provision = [&](comm::Communicator &c) { return shell->provision(h.ctx, c); };
        const build::ArtifactPtr image = builder->run(h.ctx);
        QVERIFY2(image, qPrintable(h.ctx.error()));

        const QString box = m_tmp.filePath("docker/packer_{{ .BuildName }}_{{.Provider}}.box");
        auto pp = makeVagrant({{"output", box}});
        QVERIFY(pp);
        const build::PostProcessResult r = pp->postProcess(h.ctx, image);
        qunsetenv("DOCKER_HOST");
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const QString written = m_tmp.filePath("docker/packer_example_docker.box");
        QCOMPARE(r.artifact->files(), QStringList{written});
        QCOMPARE(tar({"tzf", written}), QByteArray("Vagrantfile\nmetadata.json\n"));
        QCOMPARE(QJsonDocument::fromJson(member(written, "metadata.json")).object(),
            (QJsonObject{{"provider", "docker"}}));
        QVERIFY(member(written, "Vagrantfile")
                    .contains("\t\tdocker.image = \"" + image->id().toUtf8() + "\"\n"));
        // The box names an image the daemon has, holding the provisioner's file.
        QByteArray out;
        QCOMPARE(daemon.docker({"run", "--rm", image->id(), "cat", "/boxed"}, &out), 0);
        QCOMPARE(out, QByteArray("boxed\n"));
    }
};

QTEST_GUILESS_MAIN(TestVagrant)
#include "tst_vagrant.moc"
