#include "app/cli/Command.h"

#include "app/cli/VersionCommand.h"

namespace kiln::cli {

QList<Command> allCommands()
{
    // Explicit, ordered as in `packer --help`.
    return {
        versionCommand(),
    };
}

} // namespace kiln::cli
