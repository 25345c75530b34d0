#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"
#include "engine/communicator/SshConfig.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kiln::components {

// The qemu builder's decoded and defaulted configuration: Packer's qemu Config after
// Prepare (defaults applied, sizes normalised), shared by the builder's steps.
struct QemuSettings
{
    // ISO / disk image source.
    QStringList isoUrls;
    QString isoChecksum;
    bool isoSkipCache = false;
    QString isoTargetPath;
    QString isoTargetExtension = QStringLiteral("iso");

    // Disks.
    bool diskImage = false;
    bool useBackingFile = false;
    bool skipResizeDisk = false;
    QString diskSize = QStringLiteral("40960M");
    QStringList additionalDiskSizes;
    QString format = QStringLiteral("qcow2");
    QString diskInterface = QStringLiteral("virtio");
    QString diskCache = QStringLiteral("writeback");
    QString diskDiscard = QStringLiteral("ignore");
    QString detectZeroes = QStringLiteral("off");
    bool skipCompaction = false;
    bool diskCompression = false;
    QStringList qemuImgConvertArgs;
    QStringList qemuImgCreateArgs;
    QStringList qemuImgResizeArgs;

    // Machine.
    QString qemuBinary = QStringLiteral("qemu-system-x86_64");
    QString accelerator;
    QString machineType = QStringLiteral("pc");
    QString cpuModel;
    int cpus = 0;
    int sockets = 0;
    int cores = 0;
    int threads = 0;
    int memory = 512;
    QString netDevice = QStringLiteral("virtio-net");
    QString netBridge;
    bool headless = false;
    bool useDefaultDisplay = false;
    QString display;
    QString vga;
    QList<QStringList> qemuArgs; // raw, rendered when qemu starts
    QString outputDir;
    QString vmName;
    // UEFI: OVMF code (read-only) and a copy of the vars template in the output directory.
    bool efiBoot = false;
    QString efiFirmwareCode;
    QString efiFirmwareVars;
    bool efiDropEfivars = false;

    // Ports and consoles.
    int hostPortMin = 2222;
    int hostPortMax = 4444;
    bool skipNatMapping = false;
    QString vncBindAddress = QStringLiteral("127.0.0.1");
    int vncPortMin = 5900;
    int vncPortMax = 6000;
    bool disableVnc = false;
    QString qmpSocketPath; // empty: a private socket the builder makes for boot typing

    // Boot and shutdown.
    qint64 bootWaitMs = 10000;
    qint64 bootKeyIntervalMs = 100;
    QStringList bootCommand;
    // boot_steps rows: the command, then an optional description.
    QList<QStringList> bootSteps;
    QString shutdownCommand;
    qint64 shutdownTimeoutMs = 5 * 60 * 1000;

    // HTTP server.
    QString httpDirectory;
    QMap<QString, QString> httpContent;
    int httpPortMin = 8000;
    int httpPortMax = 9000;
    QString httpBindAddress = QStringLiteral("0.0.0.0");

    // Communicator.
    QString communicator = QStringLiteral("ssh");
    comm::SshConfig ssh;
    qint64 pauseBeforeConnectingMs = 0;

    tmpl::legacy::InterpolateContext interpolation;

    // Reads `c` with Packer's defaults and validation; errors and warnings use Packer's words.
    build::PrepareResult read(const build::ComponentConfig &c);
    // The port the communicator listens on inside the guest.
    int guestCommPort() const { return ssh.port; }
};

} // namespace kiln::components
