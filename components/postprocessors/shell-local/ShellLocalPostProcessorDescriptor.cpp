// The schema is shared with the other shell-local component (components/shared/ShellLocalFields.cpp).

#include "components/Descriptors.h"
#include "components/postprocessors/shell-local/ShellLocalPostProcessor.h"
#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor shellLocalPostProcessorDescriptor()
{
    const ConfigSchema s = shellLocalFields();

    ComponentDescriptor d;
    d.kind = ComponentKind::PostProcessor;
    d.typeName = "shell-local";
    d.displayName = "Shell (local)";
    d.description = "Runs shell commands or scripts on the Packer host after the build.";
    d.iconName = "postprocessor-shell-local";
    d.schema = s;
    d.create = [] { return std::make_unique<ShellLocalPostProcessor>(); };
    return d;
}

} // namespace kiln::components
