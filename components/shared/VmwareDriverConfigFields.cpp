// Keys and types mirror the HCL2 spec of packer-plugin-vmware builder/vmware/common DriverConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema vmwareDriverConfigFields()
{
    ConfigSchema s;
    s.add(Field::string("fusion_app_path")
              .withHelp("The installation path of the VMware Fusion application."));
    s.add(Field::string("remote_type")
              .markDeprecated()
              .withHelp("No longer supported: remote ESXi builds were removed from the VMware "
                        "plugin; use the vsphere-iso builder instead."));
    return s;
}

} // namespace kiln::components
