#include "components/builders/qemu/StepQemuRun.h"

#include <QDir>

namespace kiln::components {

build::StepAction StepQemuRun::run(build::BuildContext &ctx)
{
    QemuSettings &c = m_state.settings;
    if (!c.qmpSocketPath.isEmpty()) {
        m_state.launch.qmpSocketPath = c.qmpSocketPath;
    } else {
        // A private monitor socket for typing the boot command and halting the VM; kept out
        // of the output directory so it never becomes part of the artifact.
        m_state.runtimeDir = std::make_unique<QTemporaryDir>(
            QDir::tempPath() + QStringLiteral("/kiln-qemu-XXXXXX"));
        m_state.launch.qmpSocketPath = m_state.runtimeDir->filePath(QStringLiteral("qmp.sock"));
    }
    QStringList messages;
    QString error;
    const QStringList args = QemuCommandLine::build(c, m_state.launch, &messages, &error);
    for (const QString &m : messages) {
        if (m.startsWith(QLatin1String("Starting VM")) || m.startsWith(QLatin1String("Overriding")))
            ctx.ui.say(m);
        else
            ctx.ui.message(m);
    }
    if (!error.isEmpty())
        return haltQemuStep(ctx, error);
    if (c.accelerator == QLatin1String("none"))
        ctx.ui.message(
            QStringLiteral("WARNING: The VM will be started with no hardware acceleration.\n"
                           "The installation may take considerably longer to finish.\n"));
    error = m_state.qemu.start(QStringList{c.qemuBinary} + args);
    if (!error.isEmpty())
        return haltQemuStep(ctx, QStringLiteral("Error launching VM: %1").arg(error));
    return build::StepAction::Continue;
}

void StepQemuRun::cleanup(build::BuildContext &ctx)
{
    Q_UNUSED(ctx);
    m_state.qemu.stop();
}

} // namespace kiln::components
