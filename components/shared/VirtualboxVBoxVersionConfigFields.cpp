// Keys and types mirror the HCL2 spec of packer-plugin-virtualbox builder/virtualbox/common
// VBoxVersionConfig; help and defaults follow its documentation. Keys and types must keep matching
// the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema virtualboxVBoxVersionConfigFields()
{
    ConfigSchema s;
    s.add(Field::string("virtualbox_version_file")
              .withHelp("The path within the virtual machine to upload a file that contains the "
                        "VirtualBox version that was used to create the machine."));
    return s;
}

} // namespace kiln::components
