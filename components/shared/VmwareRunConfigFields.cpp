// Keys and types mirror the HCL2 spec of packer-plugin-vmware builder/vmware/common RunConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema vmwareRunConfigFields()
{
    ConfigSchema s;
    s.add(Field::boolean("headless")
              .withDefault("false")
              .withHelp("The plugin defaults to building virtual machines by launching the "
                        "desktop hypervisor's graphical user interface (GUI) to display the "
                        "console of the virtual machine being built."));
    s.add(Field::string("vnc_bind_address")
              .withDefault("127.0.0.1")
              .withHelp("The IP address to use for VNC access to the virtual machine. Defaults "
                        "to 127.0.0.1."));
    s.add(Field::number("vnc_port_min")
              .withDefault("5900")
              .withHelp("The minimum port number to use for VNC access to the virtual machine. "
                        "The plugin uses VNC to type the boot_command."));
    s.add(Field::number("vnc_port_max")
              .withDefault("6000")
              .withHelp("The maximum port number to use for VNC access to the virtual machine. "
                        "The plugin uses VNC to type the boot_command."));
    s.add(Field::boolean("vnc_disable_password")
              .withDefault("false")
              .withHelp("Disables the auto-generation of a VNC password that is used to secure "
                        "the VNC communication with the virtual machine."));
    return s;
}

} // namespace kiln::components
