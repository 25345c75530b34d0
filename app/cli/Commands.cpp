#include "app/cli/BuildCommand.h"
#include "app/cli/Command.h"
#include "app/cli/ConsoleCommand.h"
#include "app/cli/FmtCommand.h"
#include "app/cli/Hcl2UpgradeCommand.h"
#include "app/cli/InspectCommand.h"
#include "app/cli/ValidateCommand.h"
#include "app/cli/VersionCommand.h"
#include "app/cli/export/ExportCommand.h"
#include "components/Builtins.h"
#include "engine/build/DataSourceRunner.h"

namespace kiln::cli {

QList<Command> allCommands()
{
    ValidateRuntime validation;
    validation.registerComponents = components::registerBuiltins;
    validation.executeDataSource
        = [](const tmpl::DataSourceBlock &block, const registry::ComponentDescriptor &descriptor,
              const hcl::EvalContext &ctx, hcl::Diagnostics &diags) {
              return build::DataSourceRunner::execute(
                  block, descriptor, ctx, build::CancelToken::create(), diags);
          };
    // Explicit, ordered as in `packer --help`.
    return {
        buildCommand(),
        consoleCommand(),
        exportCommand(),
        fmtCommand(),
        hcl2UpgradeCommand(),
        inspectCommand(),
        validateCommand(validation),
        versionCommand(),
    };
}

} // namespace kiln::cli
