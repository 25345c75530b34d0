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
#include "engine/build/PlanValidation.h"
#include "engine/build/TemplatePlanning.h"
#include "engine/template/legacy/LegacyTemplateParser.h"

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
    // The plans `kiln build` would run, prepared without running them.
    validation.prepareHcl2 = [](const tmpl::Template &tpl, const QList<tmpl::PlannedBuild> &builds,
                                 const registry::Registry &reg) {
        return build::PlanValidation::hcl2(tpl, builds, reg);
    };
    validation.prepareLegacy
        = [](const ValidateRuntime::LegacyRequest &request, const registry::Registry &reg) {
              build::PlanRequest plan;
              plan.path = request.path;
              plan.vars = request.vars;
              plan.only = request.only;
              plan.except = request.except;
              // Builds with a component Kiln cannot run were checked against the schemas only.
              const tmpl::legacy::LegacyParseResult parsed
                  = tmpl::legacy::LegacyTemplateParser::parseFile(request.path);
              plan.except += build::PlanValidation::unpreparableBuilds(parsed.tmpl, reg);
              const build::PlanResult planned = build::planTemplate(plan, reg);
              // The template itself was validated before: what stops planning now is reading a
              // -var-file, or Core's initialisation (user variables), one error list in Packer.
              ValidateRuntime::LegacyPrepared prepared;
              for (const hcl::Diagnostic &d : planned.diagnostics) {
                  if (d.severity == hcl::Severity::Error)
                      prepared.coreErrors
                          << (d.detail.isEmpty() ? d.summary
                                                 : d.summary + QStringLiteral(": ") + d.detail);
                  else
                      prepared.diagnostics += d;
              }
              prepared.error = planned.error;
              if (!planned.failed)
                  prepared.diagnostics += build::PlanValidation::legacy(planned.plans);
              return prepared;
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
