// Keys and types mirror the HCL2 spec of packer builder/null;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/builders/null/NullBuilderSettings.h"
#include "components/shared/SharedSchemas.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor nullBuilderDescription()
{
    ConfigSchema s;
    s.add(communicatorFields());

    ComponentDescriptor d;
    d.kind = ComponentKind::Builder;
    d.typeName = "null";
    d.displayName = "Null";
    d.description = "Connects to an existing machine over a communicator without creating "
                    "anything.";
    d.iconName = "builder-null";
    d.schema = s;
    d.settings = build::settingsReader<NullBuilderSettings>();
    return d;
}

} // namespace kiln::components
