#include "components/builders/docker/StepExport.h"

#include "engine/build/BuildContext.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace kiln::components {

build::StepAction StepExport::run(build::BuildContext &ctx)
{
    const QString path = m_state.settings.exportPath;
    auto fail = [&ctx](const QString &message) {
        if (!ctx.cancelled())
            ctx.ui.error(message);
        ctx.fail(message);
        return build::StepAction::Halt;
    };
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(
            QStringLiteral("mkdir %1: permission denied").arg(QFileInfo(path).absolutePath()));
    // Written beside the target and renamed at the end: no half-written tarball remains.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("Error creating output file: %1").arg(out.errorString()));
    ctx.ui.say(QStringLiteral("Exporting the container"));
    const build::BuildUi ui = ctx.ui;
    const QString error = m_state.client.exportContainer(
        m_state.containerId, out,
        [ui](qint64 done, qint64 total) {
            ui.progress(QStringLiteral("Exporting the container"), done, total);
        },
        ctx.cancel);
    if (!error.isEmpty()) {
        out.cancelWriting();
        return fail(QStringLiteral("Error exporting: %1").arg(error));
    }
    if (!out.commit())
        return fail(QStringLiteral("Error creating output file: %1").arg(out.errorString()));
    return build::StepAction::Continue;
}

} // namespace kiln::components
