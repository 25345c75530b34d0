// Keys and types mirror the HCL2 spec of packer provisioner/sleep;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/provisioners/sleep/SleepProvisionerSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor sleepProvisionerDescription()
{
    ConfigSchema s;
    s.add(Field::duration("duration")
              .withHelp("How long to wait, as a duration such as \"30s\" or \"2m\"."));

    ComponentDescriptor d;
    d.kind = ComponentKind::Provisioner;
    d.typeName = "sleep";
    d.displayName = "Sleep";
    d.description = "Waits for a fixed duration.";
    d.iconName = "provisioner-sleep";
    d.schema = s;
    d.settings = build::settingsReader<SleepProvisionerSettings>();
    return d;
}

} // namespace kiln::components
