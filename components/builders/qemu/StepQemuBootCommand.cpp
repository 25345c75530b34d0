#include "components/builders/qemu/StepQemuBootCommand.h"

#include "components/shared/qemu/BootCommand.h"
#include "components/shared/qemu/VncKeyClient.h"
#include "engine/build/GoDurationText.h"
#include "engine/template/legacy/Interpolator.h"

#include <functional>

namespace kiln::components {

namespace {

using KeySender = std::function<QString(const QString &qcode, bool down)>;

// Presses and releases what one action names; returns the transport's error.
QString perform(const KeySender &send, const BootAction &action)
{
    QString error;
    if (action.kind != BootAction::Up)
        for (const QString &key : action.keys)
            if (error.isEmpty())
                error = send(key, true);
    if (action.kind != BootAction::Down)
        for (auto it = action.keys.crbegin(); it != action.keys.crend(); ++it)
            if (error.isEmpty())
                error = send(*it, false);
    return error;
}

} // namespace

build::StepAction StepQemuBootCommand::run(build::BuildContext &ctx)
{
    const QemuSettings &c = m_state.settings;
    if (c.bootWaitMs > 0) {
        ctx.ui.say(
            QStringLiteral("Waiting %1 for boot...").arg(build::goDurationText(c.bootWaitMs)));
        if (!ctx.cancel->sleepFor(c.bootWaitMs))
            return build::StepAction::Halt;
    }
    // Packer: a boot_command is one step without a description.
    QList<QStringList> steps = c.bootSteps;
    if (!c.bootCommand.isEmpty())
        steps = {{c.bootCommand.join(QString())}};
    if (steps.isEmpty())
        return build::StepAction::Continue;

    // Prepare rejects a boot command with disable_vnc, so VNC is there.
    VncKeyClient vnc;
    ctx.ui.say(QStringLiteral("Connecting to VM via VNC (%1:%2)")
                   .arg(c.vncBindAddress)
                   .arg(m_state.launch.vncPort));
    const QString connectError
        = vnc.connectTo(c.vncBindAddress, m_state.launch.vncPort, 10000, ctx.cancel);
    if (ctx.cancelled())
        return build::StepAction::Halt;
    if (!connectError.isEmpty())
        return haltQemuStep(ctx,
            connectError.startsWith(QLatin1String("Error handshaking"))
                ? connectError
                : QStringLiteral("Error connecting to VNC: %1").arg(connectError));
    const KeySender send = [&vnc](const QString &key, bool down) { return vnc.sendKey(key, down); };

    tmpl::legacy::InterpolateContext ic = c.interpolation;
    ic.data = QVariantMap{
        {QStringLiteral("HTTPIP"), m_state.launch.httpIp},
        {QStringLiteral("HTTPPort"), m_state.launch.httpPort},
        {QStringLiteral("Name"), c.vmName},
        {QStringLiteral("SSHPublicKey"), QString()},
    };
    ctx.ui.say(QStringLiteral("Typing the boot commands over VNC..."));
    for (const QStringList &step : steps) {
        if (step.isEmpty())
            continue;
        if (step.size() >= 2 && !step.at(1).isEmpty())
            ctx.ui.say(QStringLiteral("Typing boot command for: %1").arg(step.at(1)));
        const auto rendered = tmpl::legacy::Interpolator::render(step.first(), ic);
        if (!rendered.ok())
            return haltQemuStep(ctx,
                QStringLiteral("Error preparing boot command: %1").arg(rendered.error->message));
        for (const BootAction &action : BootCommand::parse(rendered.value)) {
            if (ctx.cancelled())
                return build::StepAction::Halt;
            if (action.kind == BootAction::Wait) {
                if (!ctx.cancel->sleepFor(action.waitMs))
                    return build::StepAction::Halt;
                continue;
            }
            const QString error = perform(send, action);
            if (!error.isEmpty())
                return haltQemuStep(
                    ctx, QStringLiteral("Error running boot command: %1").arg(error));
            if (c.bootKeyIntervalMs > 0 && !ctx.cancel->sleepFor(c.bootKeyIntervalMs))
                return build::StepAction::Halt;
        }
    }
    return build::StepAction::Continue;
}

} // namespace kiln::components
