#pragma once

#include "components/shared/vagrant/VagrantBox.h"
#include "engine/build/Artifact.h"
#include "engine/build/BuildUi.h"

#include <QJsonObject>

namespace kiln::components {

// What one Vagrant provider puts into a box (Packer's vagrant.Provider): the provider's part
// of the Vagrantfile, metadata.json's content and the artifact's files to pack.
struct VagrantProviderOutput
{
    QString vagrantfile;
    QJsonObject metadata;
    QList<VagrantBox::Entry> entries;
    QString error;
};

// The providers Kiln can pack from its builders' artifacts: libvirt (the qemu builder's disk,
// as box.img) and docker (an image in the daemon, referenced by id).
class VagrantProvider
{
public:
    // Packer's builder id -> provider map (only the entries whose builders Kiln has).
    static QString providerFor(const QString &builderId);
    // Whether Kiln can produce a box for `provider`.
    static bool supported(const QString &provider);

    static VagrantProviderOutput process(
        const QString &provider, const build::BuildUi &ui, const build::Artifact &artifact);

    static VagrantProviderOutput libvirt(const build::BuildUi &ui, const build::Artifact &artifact);
    static VagrantProviderOutput docker(const build::Artifact &artifact);

    // Packer's sizeInMegabytes: a qemu size string ("40960M", "10G", "512") in MiB.
    static quint64 sizeInMegabytes(const QString &size, bool *ok = nullptr);
    // vagrant-libvirt's disk_bus for the qemu builder's disk_interface; empty when none fits.
    static QString libvirtDiskBus(const QString &diskInterface);
};

} // namespace kiln::components
