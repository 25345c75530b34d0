#include "components/builders/qemu/StepQemuConvertDisk.h"

#include "components/shared/qemu/QemuImg.h"

#include <QDir>
#include <QFile>

namespace kiln::components {

build::StepAction StepQemuConvertDisk::run(build::BuildContext &ctx)
{
    const QemuSettings &c = m_state.settings;
    if (c.skipCompaction && !c.diskCompression)
        return build::StepAction::Continue;
    const QString source = QDir(c.outputDir).filePath(c.vmName);
    const QString target = source + QStringLiteral(".convert");
    QStringList args{QStringLiteral("convert")};
    if (c.diskCompression)
        args << QStringLiteral("-c");
    args << c.qemuImgConvertArgs << QStringLiteral("-O") << c.format << source << target;
    ctx.ui.say(QStringLiteral("Converting hard drive..."));
    // QEMU may hold the image's lock for a moment after it exited; Packer retries too.
    QString error;
    for (int attempt = 0; attempt < 20; ++attempt) {
        error = QemuImg::run(args, ctx.cancel);
        if (!error.contains(QLatin1String("Failed to get shared \"write\" lock")))
            break;
        ctx.ui.say(QStringLiteral("Error getting file lock for conversion; retrying..."));
        if (!ctx.cancel->sleepFor(1000))
            break;
    }
    if (error.contains(QLatin1String("Failed to get shared \"write\" lock")))
        return haltQemuStep(
            ctx, QStringLiteral("Exhausted retries for getting file lock: %1").arg(error));
    if (!error.isEmpty())
        return haltQemuStep(ctx, QStringLiteral("Error converting hard drive: %1").arg(error));
    QFile::remove(source);
    if (!QFile::rename(target, source))
        return haltQemuStep(ctx,
            QStringLiteral("Error moving converted hard drive: rename %1 %2").arg(target, source));
    return build::StepAction::Continue;
}

} // namespace kiln::components
