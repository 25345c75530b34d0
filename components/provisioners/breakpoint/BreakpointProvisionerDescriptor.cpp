// Keys and types mirror the HCL2 spec of packer provisioner/breakpoint;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/provisioners/breakpoint/BreakpointProvisionerSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor breakpointProvisionerDescription()
{
    ConfigSchema s;
    s.add(Field::string("note").withHelp("A note printed when the breakpoint is reached."));
    s.add(Field::boolean("disable").withHelp("If true, skip this breakpoint without pausing."));

    ComponentDescriptor d;
    d.kind = ComponentKind::Provisioner;
    d.typeName = "breakpoint";
    d.displayName = "Breakpoint";
    d.description = "Pauses the build until Enter is pressed, for debugging.";
    d.iconName = "provisioner-breakpoint";
    d.schema = s;
    d.settings = build::settingsReader<BreakpointProvisionerSettings>();
    return d;
}

} // namespace kiln::components
