#include "components/builders/qemu/StepQemuBootCommand.h"

#include "components/shared/qemu/BootCommand.h"
#include "components/shared/qemu/QmpClient.h"
#include "engine/build/GoDurationText.h"
#include "engine/template/legacy/Interpolator.h"

namespace kiln::components {

build::StepAction StepQemuBootCommand::run(build::BuildContext &ctx)
{
    const QemuConfig &c = m_state.config;
    if (c.bootWaitMs > 0) {
        ctx.ui.say(QStringLiteral("Waiting %1 for boot...").arg(build::goDurationText(c.bootWaitMs)));
        if (!ctx.cancel->sleepFor(c.bootWaitMs))
            return build::StepAction::Halt;
    }
    if (c.bootCommand.isEmpty())
        return build::StepAction::Continue;

    tmpl::legacy::InterpolateContext ic = c.interpolation;
    ic.data = QVariantMap{
        {QStringLiteral("HTTPIP"), m_state.launch.httpIp},
        {QStringLiteral("HTTPPort"), m_state.launch.httpPort},
        {QStringLiteral("Name"), c.vmName},
        {QStringLiteral("SSHPublicKey"), QString()},
    };
    const auto rendered = tmpl::legacy::Interpolator::render(c.bootCommand.join(QString()), ic);
    if (!rendered.ok())
        return haltQemuStep(ctx, QStringLiteral("Error preparing boot command: %1").arg(rendered.error->message));

    ctx.ui.say(QStringLiteral("Connecting to VM via QMP (%1)").arg(m_state.launch.qmpSocketPath));
    QmpClient qmp;
    QString error = qmp.connectTo(m_state.launch.qmpSocketPath, 10000, ctx.cancel);
    if (ctx.cancelled())
        return build::StepAction::Halt;
    if (!error.isEmpty())
        return haltQemuStep(ctx, QStringLiteral("Error connecting to QMP: %1").arg(error));
    ctx.ui.say(QStringLiteral("Typing the boot command over QMP..."));
    for (const BootAction &action : BootCommand::parse(rendered.value)) {
        if (ctx.cancelled())
            return build::StepAction::Halt;
        if (action.kind == BootAction::Wait) {
            if (!ctx.cancel->sleepFor(action.waitMs))
                return build::StepAction::Halt;
            continue;
        }
        if (action.kind != BootAction::Up)
            for (const QString &key : action.keys)
                if (error.isEmpty())
                    error = qmp.sendKey(key, true);
        if (action.kind != BootAction::Down)
            for (auto it = action.keys.crbegin(); it != action.keys.crend(); ++it)
                if (error.isEmpty())
                    error = qmp.sendKey(*it, false);
        if (!error.isEmpty())
            return haltQemuStep(ctx, QStringLiteral("Error running boot command: %1").arg(error));
        if (c.bootKeyIntervalMs > 0 && !ctx.cancel->sleepFor(c.bootKeyIntervalMs))
            return build::StepAction::Halt;
    }
    return build::StepAction::Continue;
}

} // namespace kiln::components
