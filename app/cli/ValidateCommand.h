#pragma once

#include "app/cli/Command.h"
#include "engine/registry/Registry.h"
#include "engine/template/BuildSelector.h"
#include "engine/template/TemplateLoader.h"

namespace kiln::cli {

// What validate needs from outside the template and planning layers: the components it
// checks blocks against (their descriptions and settings), and for -evaluate-datasources
// the build engine's data source runner.
struct ValidateRuntime
{
    void (*registerComponents)(registry::Registry &registry) = nullptr;
    // Empty in the kiln executable, which links no component implementation: there,
    // a validate that runs data sources needs the runtime module (Command::needsRuntime).
    decltype(tmpl::InitializeOptions::executeDataSource) executeDataSource;
};

// `kiln validate [options] TEMPLATE`: packer validate.
Command validateCommand(const ValidateRuntime &runtime);

} // namespace kiln::cli
