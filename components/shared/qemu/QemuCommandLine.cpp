#include "components/shared/qemu/QemuCommandLine.h"

#include "engine/template/legacy/Interpolator.h"

#include <QDir>
#include <QList>
#include <QPair>

namespace kiln::components {

namespace {

using Args = QList<QPair<QString, QStringList>>;

void set(Args *args, const QString &key, const QStringList &values)
{
    for (auto &a : *args) {
        if (a.first == key) {
            a.second = values;
            return;
        }
    }
    args->append({key, values});
}

QString smp(const QemuSettings &c)
{
    QStringList parts;
    if (c.cpus > 0)
        parts << QString::number(c.cpus);
    if (c.sockets > 0)
        parts << QStringLiteral("sockets=%1").arg(c.sockets);
    if (c.cores > 0)
        parts << QStringLiteral("cores=%1").arg(c.cores);
    if (c.threads > 0)
        parts << QStringLiteral("threads=%1").arg(c.threads);
    return parts.isEmpty() ? QStringLiteral("1") : parts.join(QLatin1Char(','));
}

Args defaults(const QemuSettings &c, const QemuLaunchState &s, QStringList *messages)
{
    Args a;
    messages->append(c.diskImage ? QStringLiteral("Starting VM, booting disk image")
                                 : QStringLiteral("Starting VM, booting from CD-ROM"));
    set(&a, QStringLiteral("-name"), {c.vmName});
    if (c.accelerator == QLatin1String("none"))
        set(&a, QStringLiteral("-machine"), {QStringLiteral("type=%1").arg(c.machineType)});
    else
        set(&a, QStringLiteral("-machine"),
            {QStringLiteral("type=%1,accel=%2").arg(c.machineType, c.accelerator)});
    if (!c.efiBoot) // OVMF keeps its own boot order
        set(&a, QStringLiteral("-boot"),
            {c.diskImage ? QStringLiteral("c") : QStringLiteral("once=d")});
    if (!c.netBridge.isEmpty())
        set(&a, QStringLiteral("-netdev"),
            {QStringLiteral("bridge,id=user.0,br=%1").arg(c.netBridge)});
    else if (c.communicator == QLatin1String("none"))
        set(&a, QStringLiteral("-netdev"), {QStringLiteral("user,id=user.0")});
    else // Forwarded on the loopback only: nobody else on the network can reach the build's SSH.
        set(&a, QStringLiteral("-netdev"),
            {QStringLiteral("user,id=user.0,hostfwd=tcp:127.0.0.1:%1-:%2")
                    .arg(s.commHostPort)
                    .arg(c.guestCommPort())});
    if (s.vncPort > 0)
        set(&a, QStringLiteral("-vnc"),
            {QStringLiteral("%1:%2").arg(c.vncBindAddress).arg(s.vncPort - 5900)});
    if (!s.qmpSocketPath.isEmpty())
        set(&a, QStringLiteral("-qmp"),
            {QStringLiteral("unix:%1,server,nowait").arg(s.qmpSocketPath)});
    set(&a, QStringLiteral("-m"), {QStringLiteral("%1M").arg(c.memory)});
    set(&a, QStringLiteral("-smp"), {smp(c)});
    if (!c.cpuModel.isEmpty())
        set(&a, QStringLiteral("-cpu"), {c.cpuModel});
    if (c.headless) {
        if (s.vncPort > 0)
            messages->append(
                QStringLiteral("The VM will be run headless, without a GUI. If you want to\n"
                               "view the screen of the VM, connect via VNC without a password to\n"
                               "vnc://%1:%2")
                    .arg(c.vncBindAddress)
                    .arg(s.vncPort));
        else // No VNC either: QEMU would otherwise look for a window system.
            set(&a, QStringLiteral("-display"), {QStringLiteral("none")});
    } else if (!c.display.isEmpty() && c.display != QLatin1String("none")) {
        set(&a, QStringLiteral("-display"), {c.display});
    } else if (!c.useDefaultDisplay) {
        set(&a, QStringLiteral("-display"), {QStringLiteral("gtk")});
    }
    if (!c.vga.isEmpty())
        set(&a, QStringLiteral("-vga"), {c.vga});

    QStringList devices, drives;
    int scsi = 0;
    for (int i = 0; i < s.diskPaths.size(); ++i) {
        QString drive
            = QStringLiteral("file=%1,if=%2,cache=%3,discard=%4,format=%5")
                  .arg(s.diskPaths.at(i), c.diskInterface, c.diskCache, c.diskDiscard, c.format);
        if (c.diskInterface == QLatin1String("virtio-scsi")) {
            if (scsi == 0)
                devices << QStringLiteral("virtio-scsi-pci,id=scsi0");
            devices << QStringLiteral("scsi-hd,bus=scsi0.0,drive=drive%1").arg(i);
            drive = QStringLiteral("if=none,file=%1,id=drive%2,cache=%3,discard=%4,format=%5")
                        .arg(s.diskPaths.at(i))
                        .arg(i)
                        .arg(c.diskCache, c.diskDiscard, c.format);
            ++scsi;
        }
        if (c.detectZeroes != QLatin1String("off"))
            drive += QStringLiteral(",detect-zeroes=%1").arg(c.detectZeroes);
        drives << drive;
    }
    devices << QStringLiteral("%1,netdev=user.0").arg(c.netDevice);
    if (!c.diskImage && !s.isoPath.isEmpty())
        drives << QStringLiteral("file=%1,media=cdrom").arg(s.isoPath);
    if (c.efiBoot) {
        drives << QStringLiteral("file=%1,if=pflash,unit=0,format=raw,readonly=on")
                      .arg(c.efiFirmwareCode);
        drives << QStringLiteral("file=%1,if=pflash,unit=1,format=raw").arg(s.efivarsPath);
    }
    set(&a, QStringLiteral("-device"), devices);
    set(&a, QStringLiteral("-drive"), drives);
    return a;
}

} // namespace

QStringList QemuCommandLine::build(
    const QemuSettings &c, const QemuLaunchState &s, QStringList *messages, QString *error)
{
    Args args = defaults(c, s, messages);
    if (!c.qemuArgs.isEmpty()) {
        messages->append(
            QStringLiteral("Overriding default Qemu arguments with qemuargs template option..."));
        tmpl::legacy::InterpolateContext ic = c.interpolation;
        QVariantMap content;
        for (auto it = c.httpContent.cbegin(); it != c.httpContent.cend(); ++it)
            content.insert(it.key(), it.value());
        ic.data = QVariantMap{
            {QStringLiteral("HTTPIP"), s.httpIp},
            {QStringLiteral("HTTPPort"), s.httpPort},
            {QStringLiteral("HTTPDir"), c.httpDirectory},
            {QStringLiteral("HTTPContent"), content},
            {QStringLiteral("OutputDir"), c.outputDir},
            {QStringLiteral("Name"), c.vmName},
            {QStringLiteral("SSHHostPort"),
                c.communicator == QLatin1String("none") ? 0 : s.commHostPort},
        };
        Args overrides;
        for (const QStringList &row : c.qemuArgs) {
            if (row.isEmpty())
                continue;
            QStringList rendered;
            for (const QString &part : row) {
                const auto r = tmpl::legacy::Interpolator::render(part, ic);
                if (!r.ok()) {
                    *error = QStringLiteral("Error processing QemuArgs: %1").arg(r.error->message);
                    return {};
                }
                rendered << r.value;
            }
            const QString value = rendered.mid(1).join(QString());
            QStringList *values = nullptr;
            for (auto &o : overrides)
                if (o.first == rendered.first())
                    values = &o.second;
            if (!values) {
                overrides.append({rendered.first(), {}});
                values = &overrides.last().second;
            }
            if (!value.isEmpty())
                values->append(value);
        }
        for (const auto &o : overrides)
            set(&args, o.first, o.second);
        for (auto &a : args) {
            if (a.first == QLatin1String("-device")
                && !a.second.join(QString()).contains(c.netDevice))
                a.second << QStringLiteral("%1,netdev=user.0").arg(c.netDevice);
        }
    }
    QStringList out;
    for (const auto &a : args) {
        if (a.second.isEmpty()) {
            out << a.first;
            continue;
        }
        for (const QString &v : a.second)
            out << a.first << v;
    }
    return out;
}

} // namespace kiln::components
