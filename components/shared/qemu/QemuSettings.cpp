#include "components/shared/qemu/QemuSettings.h"

#include "engine/communicator/SshConfigReader.h"

#include <QFile>
#include <QRegularExpression>

namespace kiln::components {

namespace {

const QStringList accelerators = {"kvm", "tcg", "xen", "hax", "hvf", "whpx", "none"};
const QStringList diskInterfaces = {"ide", "sata", "scsi", "virtio", "virtio-scsi"};
const QStringList diskCaches = {"writethrough", "writeback", "none", "unsafe", "directsync"};
const QStringList diskDiscards = {"unmap", "ignore"};
const QStringList detectZeroesValues = {"unmap", "on", "off"};

int intOr(const build::ComponentConfig &c, const char *key, int fallback)
{
    const QString k = QString::fromLatin1(key);
    return c.has(k) ? int(c.integer(k)) : fallback;
}

// A list of lists of strings (qemuargs, boot_steps).
QList<QStringList> readRows(const build::ComponentConfig &c, const QString &key)
{
    QList<QStringList> out;
    if (!c.has(key))
        return out;
    const hcl::Value rows = c.value(key); // held: elements() refers into it
    for (const hcl::Value &row : rows.elements()) {
        QStringList args;
        for (const hcl::Value &e : row.elements())
            args << e.asString();
        out << args;
    }
    return out;
}

// Packer's ISOConfig.Prepare for the checksum: "none", "type:value", "file:URL" or a bare
// hex digest whose length tells the type.
void checkChecksum(const QString &checksum, QStringList *errors)
{
    if (checksum.isEmpty() || checksum == QLatin1String("none"))
        return;
    const qsizetype colon = checksum.indexOf(QLatin1Char(':'));
    QString type = colon > 0 ? checksum.left(colon).toLower() : QString();
    const QString value = colon > 0 ? checksum.mid(colon + 1) : checksum;
    if (type == QLatin1String("file"))
        return;
    static const QMap<QString, int> lengths
        = {{"md5", 32}, {"sha1", 40}, {"sha256", 64}, {"sha512", 128}};
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]+$"));
    if (type.isEmpty()) {
        for (auto it = lengths.cbegin(); it != lengths.cend(); ++it)
            if (it.value() == value.size())
                type = it.key();
        if (type.isEmpty()) {
            *errors << QStringLiteral("Error parsing checksum: unknown checksum: %1").arg(checksum);
            return;
        }
    }
    if (!lengths.contains(type)) {
        *errors
            << QStringLiteral("Error parsing checksum: unsupported checksum type: %1").arg(type);
        return;
    }
    if (!hex.match(value).hasMatch() || value.size() != lengths.value(type))
        *errors << QStringLiteral("Error parsing checksum: invalid checksum: %1").arg(checksum);
}

} // namespace

build::PrepareResult QemuSettings::read(const build::ComponentConfig &c)
{
    // Each read starts from Packer's defaults, as a new Config does.
    QemuSettings q;
    build::PrepareResult result;
    QStringList &errs = result.errors;
    auto str = [&c](const char *key, const QString &fallback = {}) {
        const QString v = c.string(QString::fromLatin1(key));
        return v.isEmpty() ? fallback : v;
    };
    auto duration = [&](const char *key, qint64 fallback) {
        QString e;
        const auto ms = c.durationMs(QString::fromLatin1(key), fallback, &e);
        if (!ms)
            errs << QStringLiteral("%1: %2").arg(QString::fromLatin1(key), e);
        return ms.value_or(fallback);
    };
    const QString buildName = c.interpolation.buildName;
    q.interpolation = c.interpolation;

    // ISO.
    const QString isoUrl = str("iso_url");
    q.isoUrls = c.stringList(QStringLiteral("iso_urls"));
    if (!isoUrl.isEmpty() && !q.isoUrls.isEmpty())
        errs << QStringLiteral("Only one of iso_url or iso_urls must be specified");
    else if (isoUrl.isEmpty() && q.isoUrls.isEmpty())
        errs << QStringLiteral("One of iso_url or iso_urls must be specified");
    if (!isoUrl.isEmpty())
        q.isoUrls = {isoUrl};
    q.isoSkipCache = c.boolean(QStringLiteral("iso_skip_cache"));
    q.isoChecksum = q.isoSkipCache ? QStringLiteral("none") : str("iso_checksum");
    q.isoTargetPath = str("iso_target_path");
    q.isoTargetExtension = str("iso_target_extension", QStringLiteral("iso")).toLower();
    if (q.isoChecksum == QLatin1String("none"))
        result.warnings << QStringLiteral(
            "A checksum of 'none' was specified. Since ISO files are so big,\n"
            "a checksum is highly recommended.");
    else if (q.isoChecksum.isEmpty())
        errs << QStringLiteral("A checksum must be specified");
    else
        checkChecksum(q.isoChecksum, &errs);

    // Shutdown.
    q.shutdownCommand = str("shutdown_command");
    q.shutdownTimeoutMs = duration("shutdown_timeout", 5 * 60 * 1000);

    // Disks.
    const QString diskSize = str("disk_size");
    if (!diskSize.isEmpty() && diskSize != QLatin1String("0")) {
        static const QRegularExpression sizeRe(QStringLiteral("^[\\d]+(b|k|m|g|t){0,1}$"));
        static const QRegularExpression digits(QStringLiteral("^[\\d]+$"));
        if (!sizeRe.match(diskSize.toLower()).hasMatch())
            errs << QStringLiteral("Invalid disk size.");
        else
            q.diskSize = digits.match(diskSize).hasMatch() ? diskSize + QLatin1Char('M') : diskSize;
    }
    q.additionalDiskSizes = c.stringList(QStringLiteral("disk_additional_size"));
    q.diskCache = str("disk_cache", q.diskCache);
    q.diskDiscard = str("disk_discard", q.diskDiscard);
    q.detectZeroes = str("disk_detect_zeroes", q.detectZeroes);
    q.diskImage = c.boolean(QStringLiteral("disk_image"));
    q.useBackingFile = c.boolean(QStringLiteral("use_backing_file"));
    q.skipResizeDisk = c.boolean(QStringLiteral("skip_resize_disk"));
    q.skipCompaction = c.boolean(QStringLiteral("skip_compaction"));
    q.diskCompression = c.boolean(QStringLiteral("disk_compression"));
    q.format = str("format", q.format);
    q.diskInterface = str("disk_interface", q.diskInterface);
    for (const build::ComponentConfig &img : c.blocks(QStringLiteral("qemu_img_args"))) {
        q.qemuImgConvertArgs = img.stringList(QStringLiteral("convert"));
        q.qemuImgCreateArgs = img.stringList(QStringLiteral("create"));
        q.qemuImgResizeArgs = img.stringList(QStringLiteral("resize"));
    }

    // Machine. No /dev/kvm means TCG, as Packer detects it.
    q.accelerator = str("accelerator");
    if (q.accelerator.isEmpty())
        q.accelerator = QFile::exists(QStringLiteral("/dev/kvm")) ? QStringLiteral("kvm")
                                                                  : QStringLiteral("tcg");
    q.machineType = str("machine_type", q.machineType);
    q.cpuModel = str("cpu_model");
    q.qemuBinary = str("qemu_binary", q.qemuBinary);
    q.cpus = intOr(c, "cpus", 0);
    q.sockets = intOr(c, "sockets", 0);
    q.cores = intOr(c, "cores", 0);
    q.threads = intOr(c, "threads", 0);
    q.memory = intOr(c, "memory", 0);
    if (q.memory < 10)
        q.memory = 512;
    q.netDevice = str("net_device", q.netDevice);
    q.netBridge = str("net_bridge");
    q.headless = c.boolean(QStringLiteral("headless"));
    q.useDefaultDisplay = c.boolean(QStringLiteral("use_default_display"));
    q.display = str("display");
    q.vga = str("vga");
    q.qemuArgs = readRows(c, QStringLiteral("qemuargs"));
    q.outputDir = str("output_directory", QStringLiteral("output-%1").arg(buildName));
    q.vmName = str("vm_name", QStringLiteral("packer-%1").arg(buildName));
    // Packer's loadDefaults: naming either firmware file turns EFI on.
    q.efiFirmwareCode = str("efi_firmware_code");
    q.efiFirmwareVars = str("efi_firmware_vars");
    q.efiBoot = c.boolean(QStringLiteral("efi_boot")) || !q.efiFirmwareCode.isEmpty()
        || !q.efiFirmwareVars.isEmpty();
    q.efiDropEfivars = c.boolean(QStringLiteral("efi_drop_efivars"));
    if (q.efiBoot && q.efiFirmwareCode.isEmpty())
        q.efiFirmwareCode = QStringLiteral("/usr/share/OVMF/OVMF_CODE.fd");
    if (q.efiBoot && q.efiFirmwareVars.isEmpty())
        q.efiFirmwareVars = QStringLiteral("/usr/share/OVMF/OVMF_VARS.fd");

    // Ports.
    q.hostPortMin = intOr(c, "host_port_min", intOr(c, "ssh_host_port_min", 2222));
    q.hostPortMax = intOr(c, "host_port_max", intOr(c, "ssh_host_port_max", 4444));
    q.skipNatMapping = c.boolean(QStringLiteral("skip_nat_mapping"));
    q.vncBindAddress = str("vnc_bind_address", q.vncBindAddress);
    q.vncPortMin = intOr(c, "vnc_port_min", 5900);
    q.vncPortMax = intOr(c, "vnc_port_max", 6000);
    q.disableVnc = c.boolean(QStringLiteral("disable_vnc"));
    q.qmpSocketPath = str("qmp_socket_path");

    // Boot.
    q.bootWaitMs = duration("boot_wait", 10000);
    q.bootKeyIntervalMs = duration("boot_key_interval", 100);
    q.bootCommand = c.stringList(QStringLiteral("boot_command"));
    q.bootSteps = readRows(c, QStringLiteral("boot_steps"));
    if (!q.bootCommand.isEmpty() && q.disableVnc)
        errs << QStringLiteral("A boot command cannot be used when vnc is disabled.");

    // HTTP.
    q.httpDirectory = str("http_directory");
    q.httpContent = c.stringMap(QStringLiteral("http_content"));
    q.httpPortMin = intOr(c, "http_port_min", 8000);
    q.httpPortMax = intOr(c, "http_port_max", 9000);
    q.httpBindAddress = str("http_bind_address", q.httpBindAddress);
    if (q.httpPortMin > q.httpPortMax)
        errs << QStringLiteral("http_port_min must be less than http_port_max");
    if (!q.httpContent.isEmpty() && !q.httpDirectory.isEmpty())
        errs << QStringLiteral(
            "http_content cannot be used in conjunction with http_dir. Consider using the file "
            "function to load file in memory and serve them with http_content: "
            "https://www.packer.io/docs/templates/hcl_templates/functions/file/file");

    // Communicator.
    q.communicator = str("communicator", q.communicator);
    q.pauseBeforeConnectingMs = duration("pause_before_connecting", 0);
    if (q.communicator == QLatin1String("ssh")) {
        QStringList sshErrors; // read() replaces the list it is given
        q.ssh = comm::SshConfigReader::read(c, &sshErrors);
        errs << sshErrors;
        errs << q.ssh.validate();
        if (q.ssh.auth.username.isEmpty())
            errs << QStringLiteral(
                "An ssh_username must be specified\n  Note: some builders used to default "
                "ssh_username to \"root\".");
    } else if (q.communicator != QLatin1String("none")) {
        errs << QStringLiteral("Communicator type %1 is invalid").arg(q.communicator);
    }

    // Packer's cross-checks, in its order.
    if (q.format != QLatin1String("qcow2") && q.format != QLatin1String("raw"))
        errs << QStringLiteral("invalid format, only 'qcow2' or 'raw' are allowed");
    if (q.format != QLatin1String("qcow2")) {
        q.skipCompaction = true;
        q.diskCompression = false;
    }
    if (q.useBackingFile) {
        q.skipCompaction = true;
        if (!(q.diskImage && q.format == QLatin1String("qcow2")))
            errs << QStringLiteral("use_backing_file can only be enabled for QCOW2 images and when "
                                   "disk_image is true");
    }
    if (q.skipResizeDisk && !q.diskImage)
        errs << QStringLiteral("skip_resize_disk can only be used when disk_image is true");
    if (!accelerators.contains(q.accelerator))
        errs << QStringLiteral("invalid accelerator, only 'kvm', 'tcg', 'xen', 'hax', 'hvf', "
                               "'whpx', or 'none' are allowed");
    if (!diskInterfaces.contains(q.diskInterface))
        errs << QStringLiteral("unrecognized disk interface type");
    if (!diskCaches.contains(q.diskCache))
        errs << QStringLiteral("unrecognized disk cache type");
    if (!diskDiscards.contains(q.diskDiscard))
        errs << QStringLiteral("unrecognized disk discard type");
    if (!detectZeroesValues.contains(q.detectZeroes))
        errs << QStringLiteral("unrecognized disk detect zeroes setting");
    if (q.cpus < 0)
        errs << QStringLiteral("cpus must be a positive number");
    if (q.sockets < 0)
        errs << QStringLiteral("sockets must be a positive number");
    if (q.cores < 0)
        errs << QStringLiteral("cores must be a positive number");
    if (q.threads < 0)
        errs << QStringLiteral("threads must be a positive number");
    if (q.vncPortMin < 5900)
        errs << QStringLiteral("vnc_port_min cannot be below 5900");
    if (q.vncPortMin > 65535 || q.vncPortMax > 65535)
        errs << QStringLiteral(
            "vmc_port_min and vnc_port_max must both be below 65535 to be valid TCP ports");
    if (q.vncPortMin > q.vncPortMax)
        errs << QStringLiteral("vnc_port_min must be less than vnc_port_max");
    if (!q.bootCommand.isEmpty() && !q.bootSteps.isEmpty())
        errs << QStringLiteral("boot_command and boot_steps cannot be used together");
    errs.removeDuplicates();
    *this = std::move(q);
    return result;
}

} // namespace kiln::components
