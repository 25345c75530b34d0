#pragma once

#include "app/cli/Command.h"
#include "engine/registry/Registry.h"
#include "engine/template/BuildSelector.h"
#include "engine/template/TemplateLoader.h"

#include <functional>

namespace kiln::cli {

// What validate needs from outside the template layer: the components it checks blocks
// against, (for -evaluate-datasources) the build engine's data source runner, and the
// build engine's planning and preparing of every component, as `packer validate` does.
struct ValidateRuntime
{
    void (*registerComponents)(registry::Registry &registry) = nullptr;
    // Empty in the kiln executable, which links no component implementation: there,
    // a validate that runs data sources needs the runtime module (Command::needsRuntime).
    decltype(tmpl::InitializeOptions::executeDataSource) executeDataSource;

    // Plans the builds BuildSelector picked from an HCL2 template and prepares each of
    // their components; the failures (and warnings) as Packer's GetBuilds reports them.
    std::function<hcl::Diagnostics(const tmpl::Template &tpl, const QList<tmpl::PlannedBuild> &builds,
                                   const registry::Registry &registry)>
        prepareHcl2;
    struct LegacyRequest
    {
        QString path;
        QList<tmpl::VarSetting> vars;
        QStringList only;
        QStringList except;
    };
    struct LegacyPrepared
    {
        // What stopped Packer's Core before any build (variables, -var-file): printed
        // as one list, as Core's error.
        QStringList coreErrors;
        QString error; // a failure before Core (an unreadable -var-file), printed alone
        hcl::Diagnostics diagnostics; // the builds' prepare failures and warnings
    };
    // Plans the selected builds of a legacy JSON template and prepares every component.
    std::function<LegacyPrepared(const LegacyRequest &request, const registry::Registry &registry)>
        prepareLegacy;
    // Both are empty in the kiln executable, which links no build engine: there, validate
    // (unless -syntax-only) needs the runtime module (Command::needsRuntime).
};

// `kiln validate [options] TEMPLATE`: packer validate.
Command validateCommand(const ValidateRuntime &runtime);

} // namespace kiln::cli
