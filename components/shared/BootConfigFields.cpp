// Keys and types mirror the HCL2 spec of packer-plugin-sdk bootcommand BootConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema bootConfigFields()
{
    ConfigSchema s;
    s.add(Field::duration("boot_keygroup_interval")
              .withHelp("Time to wait after sending a group of key pressses. The value of this "
                        "should be a duration."));
    s.add(Field::duration("boot_wait")
              .withDefault("10s")
              .withHelp("The time to wait after booting the initial virtual machine before "
                        "typing the boot_command."));
    s.add(Field::list("boot_command", Field::elementOf(FieldType::String))
              .withHelp("This is an array of commands to type when the virtual machine is first "
                        "booted. The goal of these commands should be to type just enough to "
                        "initialize the operating system installer."));
    return s;
}

} // namespace kiln::components
