#include "components/provisioners/breakpoint/BreakpointProvisioner.h"

#include "engine/build/BuildContext.h"
#include "engine/build/Prompter.h"

namespace kiln::components {

build::PrepareResult BreakpointProvisioner::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

QString BreakpointProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    Q_UNUSED(comm);
    if (m_settings.disable) {
        if (!m_settings.note.isEmpty())
            ctx.ui.say(
                QStringLiteral("Breakpoint provisioner with note \"%1\" disabled; continuing...")
                    .arg(m_settings.note));
        else
            ctx.ui.say(QStringLiteral("Breakpoint provisioner disabled; continuing..."));
        return {};
    }
    if (!m_settings.note.isEmpty())
        ctx.ui.say(QStringLiteral("Pausing at breakpoint provisioner with note \"%1\".")
                       .arg(m_settings.note));
    else
        ctx.ui.say(QStringLiteral("Pausing at breakpoint provisioner."));
    // Nobody to ask (a run without a terminal or GUI): Packer fails the same way.
    if (!ctx.ui.prompter() || !ctx.ui.prompter()->isInteractive())
        return QStringLiteral("Error asking for input: no available tty");
    ctx.ui.ask(QStringLiteral("Press enter to continue."), ctx.cancel);
    // An interrupt while waiting ends the wait; Packer's Ask then fails with this text.
    if (ctx.cancelled())
        return QStringLiteral("Error asking for input: interrupted");
    return {};
}

} // namespace kiln::components
