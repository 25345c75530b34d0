// Keys and types mirror the HCL2 spec of packer-plugin-virtualbox builder/virtualbox/common
// ShutdownConfig; help and defaults follow its documentation. Keys and types must keep matching the
// plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema virtualboxShutdownConfigFields()
{
    ConfigSchema s;
    s.add(Field::string("shutdown_command")
              .withHelp("The command to use to gracefully shut down the machine once all the "
                        "provisioning is done. By default this is an empty string, which tells "
                        "Packer to just forcefully shut down the machine unless a shutdown "
                        "command takes place inside script so this may safely be omitted."));
    s.add(Field::duration("shutdown_timeout")
              .withDefault("5m")
              .withHelp("The amount of time to wait after executing the shutdown_command for the "
                        "virtual machine to actually shut down."));
    s.add(Field::duration("post_shutdown_delay")
              .withHelp("The amount of time to wait after shutting down the virtual machine. If "
                        "you get the error Error removing floppy controller, you might need to "
                        "set this to 5m or so."));
    s.add(Field::boolean("disable_shutdown")
              .withHelp("Packer normally halts the virtual machine after all provisioners have "
                        "run when no shutdown_command is defined."));
    s.add(Field::boolean("acpi_shutdown")
              .withHelp("If it's set to true, it will shutdown the VM via power button. It could "
                        "be a good option when keeping the machine state is necessary after "
                        "shutting it down."));
    return s;
}

} // namespace kiln::components
