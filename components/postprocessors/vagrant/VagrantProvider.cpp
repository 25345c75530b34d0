#include "components/postprocessors/vagrant/VagrantProvider.h"

#include "components/postprocessors/vagrant/VagrantSettings.h"

#include <QFileInfo>

namespace kiln::components {

namespace {

const char *const kLibvirtVagrantfile = R"(
Vagrant.configure("2") do |config|
  config.vm.provider :libvirt do |libvirt|
    libvirt.driver = "%1"
%2  end
end
)";

const char *const kDockerVagrantfile = R"(
Vagrant.configure("2") do |config|
	config.vm.provider :docker do |docker, override|
		docker.image = "%1"
	end
end
)";

} // namespace

QString VagrantProvider::providerFor(const QString &builderId)
{
    return VagrantSettings::builderProviders().value(builderId);
}

bool VagrantProvider::supported(const QString &provider)
{
    return provider == QLatin1String("libvirt") || provider == QLatin1String("docker");
}

VagrantProviderOutput VagrantProvider::process(
    const QString &provider, const build::BuildUi &ui, const build::Artifact &artifact)
{
    if (provider == QLatin1String("libvirt"))
        return libvirt(ui, artifact);
    if (provider == QLatin1String("docker"))
        return docker(artifact);
    VagrantProviderOutput out;
    out.error = QStringLiteral(
        "Kiln cannot build '%1' provider boxes: it has no builder for that platform")
                    .arg(provider);
    return out;
}

quint64 VagrantProvider::sizeInMegabytes(const QString &text, bool *ok)
{
    QString size = text.trimmed();
    QChar unit = size.isEmpty() ? QChar(u'm') : size.back();
    if (unit.isDigit())
        unit = QChar(u'm');
    else
        size.chop(1);
    bool parsed = false;
    const quint64 value = size.toULongLong(&parsed);
    if (ok)
        *ok = parsed;
    switch (unit.toLower().unicode()) {
    case 'b':
        return value / 1024 / 1024;
    case 'k':
        return value / 1024;
    case 'm':
        return value;
    case 'g':
        return value * 1024;
    case 't':
        return value * 1024 * 1024;
    case 'p':
        return value * 1024 * 1024 * 1024;
    case 'e':
        return value * 1024 * 1024 * 1024 * 1024;
    default:
        if (ok)
            *ok = false;
        return 0;
    }
}

QString VagrantProvider::libvirtDiskBus(const QString &diskInterface)
{
    if (diskInterface == QLatin1String("virtio") || diskInterface == QLatin1String("ide")
        || diskInterface == QLatin1String("scsi") || diskInterface == QLatin1String("sata"))
        return diskInterface;
    if (diskInterface == QLatin1String("virtio-scsi"))
        return QStringLiteral("scsi");
    return {};
}

VagrantProviderOutput VagrantProvider::libvirt(
    const build::BuildUi &ui, const build::Artifact &artifact)
{
    VagrantProviderOutput out;
    const QString diskName = artifact.state(QStringLiteral("diskName")).toString();
    for (const QString &path : artifact.files()) {
        if (!diskName.isEmpty() && QFileInfo(path).fileName() == diskName) {
            ui.message(QStringLiteral("Copying from artifact: %1").arg(path));
            out.entries = {{QStringLiteral("box.img"), path, {}}};
        }
    }
    // Packer would pack a box without a disk here; such a box cannot boot.
    if (out.entries.isEmpty()) {
        out.error = QStringLiteral("Cannot find the disk image '%1' among the artifact's files")
                        .arg(diskName);
        return out;
    }

    const quint64 origSize = sizeInMegabytes(artifact.state(QStringLiteral("diskSize")).toString());
    // In MB, metadata wants GB, rounded up so the disk never shrinks.
    const quint64 size = origSize / 1024 + (origSize % 1024 > 0 ? 1 : 0);
    const QString domainType = artifact.state(QStringLiteral("domainType")).toString();
    QString driver;
    if (domainType == QLatin1String("none") || domainType == QLatin1String("tcg")
        || domainType == QLatin1String("hvf"))
        driver = QStringLiteral("qemu");
    else if (domainType == QLatin1String("kvm"))
        driver = domainType;
    else {
        out.error = QStringLiteral("Unknown libvirt domain type: %1").arg(domainType);
        return out;
    }
    out.metadata = QJsonObject{{QStringLiteral("provider"), QStringLiteral("libvirt")},
        {QStringLiteral("format"), artifact.state(QStringLiteral("diskType")).toString()},
        {QStringLiteral("virtual_size"), qint64(size)}};
    // The guest was built with this disk interface; booting it on another bus can leave it
    // without a root device (no initramfs driver), so the box asks vagrant-libvirt for it.
    const QString bus = libvirtDiskBus(artifact.state(QStringLiteral("diskInterface")).toString());
    const QString busLine
        = bus.isEmpty() ? QString() : QStringLiteral("    libvirt.disk_bus = \"%1\"\n").arg(bus);
    out.vagrantfile = QString::fromLatin1(kLibvirtVagrantfile).arg(driver, busLine);
    return out;
}

VagrantProviderOutput VagrantProvider::docker(const build::Artifact &artifact)
{
    VagrantProviderOutput out;
    out.metadata = QJsonObject{{QStringLiteral("provider"), QStringLiteral("docker")}};
    out.vagrantfile = QString::fromLatin1(kDockerVagrantfile).arg(artifact.id());
    return out;
}

} // namespace kiln::components
