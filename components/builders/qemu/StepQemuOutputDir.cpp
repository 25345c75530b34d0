#include "components/builders/qemu/StepQemuOutputDir.h"

#include <QDir>
#include <QFileInfo>

namespace kiln::components {

build::StepAction StepQemuOutputDir::run(build::BuildContext &ctx)
{
    const QString dir = m_state.settings.outputDir;
    if (QFileInfo::exists(dir)) {
        if (!ctx.options.force)
            return haltQemuStep(ctx,
                QStringLiteral("Output directory '%1' already exists. It must not exist.")
                    .arg(dir));
        ctx.ui.say(QStringLiteral("Deleting previous output directory..."));
        QDir(dir).removeRecursively();
    }
    if (!QDir().mkpath(dir))
        return haltQemuStep(ctx, QStringLiteral("mkdir %1: permission denied").arg(dir));
    m_created = true;
    return build::StepAction::Continue;
}

void StepQemuOutputDir::cleanup(build::BuildContext &ctx)
{
    if (!m_created || !(ctx.failed() || ctx.cancelled()))
        return;
    ctx.ui.say(QStringLiteral("Deleting output directory..."));
    for (int i = 0; i < 5; ++i) {
        if (QDir(m_state.settings.outputDir).removeRecursively())
            break;
        build::CancelToken::create()->sleepFor(2000);
    }
}

} // namespace kiln::components
