// Keys and types mirror the HCL2 spec of packer-plugin-virtualbox builder/virtualbox/common
// VBoxManageConfig; help and defaults follow its documentation. Keys and types must keep matching
// the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema virtualboxVBoxManageConfigFields()
{
    ConfigSchema s;
    s.add(Field::list("vboxmanage", Field::list({}, Field::elementOf(FieldType::String)))
              .withHelp("Custom VBoxManage commands to execute in order to further customize the "
                        "virtual machine being created."));
    s.add(Field::list("vboxmanage_post", Field::list({}, Field::elementOf(FieldType::String)))
              .withHelp("Identical to vboxmanage, except that it is run after the virtual "
                        "machine is shutdown, and before the virtual machine is exported."));
    return s;
}

} // namespace kiln::components
