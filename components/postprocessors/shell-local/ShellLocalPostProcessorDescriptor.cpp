// The schema is shared with the other shell-local component
// (components/shared/ShellLocalFields.cpp).

#include "components/Descriptions.h"
#include "components/shared/SharedSchemas.h"
#include "components/shared/ShellLocalSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor shellLocalPostProcessorDescription()
{
    const ConfigSchema s = shellLocalFields();

    ComponentDescriptor d;
    d.kind = ComponentKind::PostProcessor;
    d.typeName = "shell-local";
    d.displayName = "Shell (local)";
    d.description = "Runs shell commands or scripts on the Packer host after the build.";
    d.iconName = "postprocessor-shell-local";
    d.schema = s;
    d.settings = build::settingsReader<ShellLocalPostProcessorSettings>();
    return d;
}

} // namespace kiln::components
