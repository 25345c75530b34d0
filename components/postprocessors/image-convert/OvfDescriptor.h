#pragma once

#include <QByteArray>
#include <QString>

namespace kiln::components {

// An OVF 1.0 descriptor for one VM with one streamOptimized VMware disk: what VMware
// (vSphere, Workstation, ovftool) and VirtualBox import. It carries the VM's name, CPU count,
// memory, a disk controller matching the vmdk's adapter type, the disk and one E1000 NIC on
// a "nat" network: hypervisor-neutral hardware, nothing else.
struct OvfDescriptor
{
    QString name;
    QString diskFile; // the vmdk's file name, relative to the descriptor
    qint64 diskFileSize = 0; // bytes of the vmdk file
    qint64 capacity = 0; // the disk's virtual size in bytes
    int cpus = 1;
    int memoryMb = 1024;
    QString adapterType = QStringLiteral("lsilogic"); // lsilogic, buslogic or ide

    QByteArray toXml() const;
};

} // namespace kiln::components
