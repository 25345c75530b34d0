#include "components/shared/ShellRunner.h"

#include "components/shared/ShellOutputLines.h"

#include <QElapsedTimer>
#include <QThread>

namespace kiln::components {

comm::CommandResult ShellRunner::runWithUi(comm::Communicator &comm, const QString &command,
    const build::BuildUi &ui, const build::CancelTokenPtr &cancel)
{
    return runWithUi(
        [&](const comm::RemoteCommand &cmd) {
            comm::RemoteCommand withCommand = cmd;
            withCommand.command = command;
            return comm.run(withCommand, cancel);
        },
        ui);
}

comm::CommandResult ShellRunner::runWithUi(
    const std::function<comm::CommandResult(const comm::RemoteCommand &)> &run,
    const build::BuildUi &ui)
{
    // As Packer: stdout lines are messages ("    name: line"), stderr lines errors
    // ("==> name: line", red on a terminal).
    ShellOutputLines out([&ui](const QString &lines) { ui.messageLines(lines); });
    ShellOutputLines err([&ui](const QString &lines) { ui.errorLines(lines); });
    comm::RemoteCommand cmd;
    cmd.onStdout = [&out](const QByteArray &chunk) { out.feed(chunk); };
    cmd.onStderr = [&err](const QByteArray &chunk) { err.feed(chunk); };
    const comm::CommandResult result = run(cmd);
    out.finish();
    err.finish();
    return result;
}

QString ShellRunner::validExitCode(int code, const QList<int> &validCodes)
{
    const QList<int> allowed = validCodes.isEmpty() ? QList<int>{0} : validCodes;
    if (allowed.contains(code))
        return {};
    QStringList parts;
    for (int c : allowed)
        parts << QString::number(c);
    return QStringLiteral(
        "Script exited with non-zero exit status: %1. Allowed exit codes are: [%2]")
        .arg(code)
        .arg(parts.join(QLatin1Char(' ')));
}

QString ShellRunner::retry(qint64 timeoutMs, const build::CancelTokenPtr &cancel,
    const std::function<QString()> &attempt, qint64 delayMs)
{
    QElapsedTimer clock;
    clock.start();
    while (true) {
        const QString error = attempt();
        if (error.isEmpty())
            return {};
        if (cancel && cancel->isCancelled())
            return error;
        if (timeoutMs > 0 && clock.elapsed() >= timeoutMs)
            return error;
        if (!cancel)
            QThread::msleep(ulong(delayMs));
        else if (!cancel->sleepFor(delayMs))
            return error;
    }
}

} // namespace kiln::components
