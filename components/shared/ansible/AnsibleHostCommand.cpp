#include "components/shared/ansible/AnsibleHostCommand.h"

#include "components/shared/ShellOutputLines.h"
#include "engine/communicator/ProcessGroup.h"

namespace kiln::components {

QString AnsibleHostCommand::run(const QString &program, const QStringList &args,
    const QStringList &env, const build::BuildUi &ui, const build::CancelTokenPtr &cancel)
{
    comm::ProcessGroup::Options options;
    options.argv = QStringList{program} + args;
    for (const QString &entry : env) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue; // Go's exec ignores entries without a name
        options.setEnv.insert(entry.left(eq), entry.mid(eq + 1));
    }
    auto sayEach = [&ui](const QString &lines) {
        for (const QString &line : lines.split(QLatin1Char('\n')))
            ui.say(line);
    };
    ShellOutputLines out(sayEach);
    ShellOutputLines err(sayEach);
    options.onStdout = [&out](const QByteArray &chunk) { out.feed(chunk); };
    options.onStderr = [&err](const QByteArray &chunk) { err.feed(chunk); };
    const comm::CommandResult result = comm::ProcessGroup::run(options, cancel);
    out.finish();
    err.finish();
    if (!result.error.isEmpty())
        return result.error;
    if (result.exitStatus == -1)
        return QStringLiteral("Non-zero exit status: signal: killed");
    if (result.exitStatus != 0)
        return QStringLiteral("Non-zero exit status: exit status %1").arg(result.exitStatus);
    return {};
}

} // namespace kiln::components
