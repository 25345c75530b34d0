#pragma once

#include "engine/build/BuildUi.h"
#include "engine/build/CancelToken.h"
#include "engine/communicator/Communicator.h"

#include <QList>
#include <QString>
#include <functional>

namespace kiln::components {

// What shell-type provisioners share when they run a command: Packer's RemoteCmd.RunWithUi
// (every stdout line becomes a ui.message and every stderr line a ui.error, scrubbed of
// secrets by the BuildUi), its ValidExitCode check and the retry.Config loop of
// start_retry_timeout.
class ShellRunner
{
public:
    // Runs `command` through `comm`, showing its output line by line.
    static comm::CommandResult runWithUi(comm::Communicator &comm, const QString &command,
        const build::BuildUi &ui, const build::CancelTokenPtr &cancel);
    // The same for an argument vector on the host (shell-local's execute_command).
    static comm::CommandResult runWithUi(
        const std::function<comm::CommandResult(const comm::RemoteCommand &)> &run,
        const build::BuildUi &ui);

    // Empty when `code` is allowed (no list means [0]); otherwise Packer's
    // "Script exited with non-zero exit status: 2. Allowed exit codes are: [0]".
    static QString validExitCode(int code, const QList<int> &validCodes);

    // Packer's retry.Config{StartTimeout}.Run: calls `attempt` until it returns no error,
    // waiting 2 s between tries, and gives up with the last error once `timeoutMs` has passed
    // (0: never) or `cancel` fires.
    static QString retry(qint64 timeoutMs, const build::CancelTokenPtr &cancel,
        const std::function<QString()> &attempt, qint64 delayMs = 2000);
};

} // namespace kiln::components
