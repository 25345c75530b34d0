// Keys and types mirror the HCL2 spec of packer-plugin-vmware builder/vmware/common VMXConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema vmwareVMXConfigFields()
{
    ConfigSchema s;
    s.add(Field::map("vmx_data", Field::elementOf(FieldType::String))
              .withHelp("Key-value pairs that will be inserted into the virtual machine .vmx "
                        "file before the virtual machine is started."));
    s.add(Field::map("vmx_data_post", Field::elementOf(FieldType::String))
              .withHelp("Key-value pairs that will be inserted into the virtual machine .vmx "
                        "file after the virtual machine build is complete."));
    s.add(Field::boolean("vmx_remove_ethernet_interfaces")
              .withDefault("false")
              .withHelp("Remove all network adapters from virtual machine .vmx file after the "
                        "virtual machine build is complete."));
    s.add(Field::string("display_name")
              .withHelp("The inventory display name for the virtual machine. If set, the value "
                        "provided will override any value set in the vmx_data option or in the "
                        ".vmx file."));
    return s;
}

} // namespace kiln::components
