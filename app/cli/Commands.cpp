#include "app/cli/Command.h"

#include "app/cli/BuildCommand.h"
#include "app/cli/ConsoleCommand.h"
#include "app/cli/FmtCommand.h"
#include "app/cli/Hcl2UpgradeCommand.h"
#include "app/cli/InspectCommand.h"
#include "app/cli/ValidateCommand.h"
#include "app/cli/VersionCommand.h"
#include "app/cli/export/ExportCommand.h"

namespace kiln::cli {

QList<Command> allCommands()
{
    // Explicit, ordered as in `packer --help`.
    return {
        buildCommand(),
        consoleCommand(),
        exportCommand(),
        fmtCommand(),
        hcl2UpgradeCommand(),
        inspectCommand(),
        validateCommand(),
        versionCommand(),
    };
}

} // namespace kiln::cli
