// Keys and types mirror the HCL2 spec of packer-plugin-vmware builder/vmware/common SSHConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema vmwareSSHConfigFields()
{
    ConfigSchema s;
    s.add(communicatorFields());
    return s;
}

} // namespace kiln::components
