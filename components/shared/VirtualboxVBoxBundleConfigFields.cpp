// Keys and types mirror the HCL2 spec of packer-plugin-virtualbox builder/virtualbox/common
// VBoxBundleConfig; help and defaults follow its documentation. Keys and types must keep matching
// the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema virtualboxVBoxBundleConfigFields()
{
    ConfigSchema s;
    s.add(Field::boolean("bundle_iso")
              .withDefault("false")
              .withHelp("Defaults to false. When enabled, Packer includes any attached ISO disc "
                        "devices into the final virtual machine."));
    return s;
}

} // namespace kiln::components
