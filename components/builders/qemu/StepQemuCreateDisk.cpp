#include "components/builders/qemu/StepQemuCreateDisk.h"

#include "components/shared/qemu/QemuImg.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace kiln::components {

build::StepAction StepQemuCreateDisk::run(build::BuildContext &ctx)
{
    const QemuSettings &c = m_state.settings;
    if (!c.additionalDiskSizes.isEmpty() || c.useBackingFile)
        ctx.ui.say(QStringLiteral("Creating required virtual machine disks"));
    QStringList paths{QDir(c.outputDir).filePath(c.vmName)};
    QStringList sizes{c.diskSize};
    for (int i = 0; i < c.additionalDiskSizes.size(); ++i) {
        paths << QDir(c.outputDir).filePath(QStringLiteral("%1-%2").arg(c.vmName).arg(i + 1));
        sizes << c.additionalDiskSizes.at(i);
    }
    for (int i = 0; i < paths.size(); ++i) {
        if (c.diskImage && !c.useBackingFile && i == 0)
            continue; // copied from the image below
        QStringList args{QStringLiteral("create"), QStringLiteral("-f"), c.format};
        if (c.diskImage && c.useBackingFile && i == 0)
            args << QStringLiteral("-b") << QFileInfo(m_state.launch.isoPath).absoluteFilePath()
                 << QStringLiteral("-F") << QStringLiteral("qcow2");
        args << c.qemuImgCreateArgs << paths.at(i) << sizes.at(i);
        const QString error = QemuImg::run(args, ctx.cancel);
        if (!error.isEmpty())
            return haltQemuStep(ctx, QStringLiteral("Error creating hard drive: %1").arg(error));
    }
    m_state.launch.diskPaths = paths;

    if (c.diskImage && !c.useBackingFile) {
        const QString error = copyDisk(ctx);
        if (!error.isEmpty())
            return haltQemuStep(ctx, error);
    }
    if (c.efiBoot) {
        // Packer's stepPrepareEfivars: the VM writes its NVRAM into a private copy.
        const QString efivars = QDir(c.outputDir).filePath(QStringLiteral("efivars.fd"));
        QFile::remove(efivars);
        if (!QFile::copy(c.efiFirmwareVars, efivars))
            return haltQemuStep(ctx,
                QStringLiteral("failed to read from efivars file at %1: open %1: no such file or "
                               "directory")
                    .arg(c.efiFirmwareVars));
        QFile(efivars).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
            | QFileDevice::ReadGroup | QFileDevice::WriteGroup);
        m_state.launch.efivarsPath = efivars;
    }
    if (c.diskImage && !c.skipResizeDisk) {
        ctx.ui.say(QStringLiteral("Resizing hard drive..."));
        const QString error
            = QemuImg::run(QStringList{QStringLiteral("resize"), QStringLiteral("-f"), c.format}
                    + c.qemuImgResizeArgs + QStringList{paths.first(), c.diskSize},
                ctx.cancel);
        if (!error.isEmpty())
            return haltQemuStep(ctx, QStringLiteral("Error creating hard drive: %1").arg(error));
    }
    return build::StepAction::Continue;
}

QString StepQemuCreateDisk::copyDisk(build::BuildContext &ctx)
{
    const QemuSettings &c = m_state.settings;
    const QString source = m_state.launch.isoPath;
    const QString target = m_state.launch.diskPaths.first();
    if (QFileInfo(source).suffix() == c.format && c.qemuImgConvertArgs.isEmpty()) {
        ctx.ui.message(QStringLiteral("File extension already matches desired output format. "
                                      "Skipping qemu-img convert step"));
        QFile::remove(target);
        if (!QFile::copy(source, target))
            return QStringLiteral("Error copying iso to output dir: %1").arg(source);
        QFile(target).setPermissions(QFile(target).permissions() | QFileDevice::WriteOwner);
        return {};
    }
    ctx.ui.say(QStringLiteral("Copying hard drive..."));
    const QString error = QemuImg::run(QStringList{QStringLiteral("convert")} + c.qemuImgConvertArgs
            + QStringList{QStringLiteral("-O"), c.format, source, target},
        ctx.cancel);
    return error.isEmpty() ? QString() : QStringLiteral("Error creating hard drive: %1").arg(error);
}

} // namespace kiln::components
