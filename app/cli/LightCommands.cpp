#include "app/cli/Command.h"
#include "app/cli/ConsoleCommand.h"
#include "app/cli/FmtCommand.h"
#include "app/cli/Hcl2UpgradeCommand.h"
#include "app/cli/InspectCommand.h"
#include "app/cli/RuntimeCommands.h"
#include "app/cli/ValidateCommand.h"
#include "app/cli/VersionCommand.h"
#include "components/BuiltinDescriptions.h"

namespace kiln::cli {

namespace {

// A command that always runs in the runtime module: the executable only lists it.
Command runtimeCommand(const char *name, const char *synopsis)
{
    Command c{QString::fromLatin1(name), QString::fromUtf8(synopsis), {}};
    c.needsRuntime = [](const QStringList &) { return true; };
    return c;
}

} // namespace

QList<Command> lightCommands()
{
    // The component descriptions and settings: validate plans and prepares builds here;
    // only running data sources (-evaluate-datasources) needs the runtime module.
    ValidateRuntime validation;
    validation.registerComponents = components::registerBuiltinDescriptions;
    // The order and names of allCommands().
    return {
        runtimeCommand(buildCommandName, buildCommandSynopsis),
        consoleCommand(),
        runtimeCommand(exportCommandName, exportCommandSynopsis),
        fmtCommand(),
        hcl2UpgradeCommand(),
        inspectCommand(),
        validateCommand(validation),
        versionCommand(),
    };
}

} // namespace kiln::cli
