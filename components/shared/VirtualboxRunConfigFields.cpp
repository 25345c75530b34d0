// Keys and types mirror the HCL2 spec of packer-plugin-virtualbox builder/virtualbox/common
// RunConfig; help and defaults follow its documentation. Keys and types must keep matching the
// plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema virtualboxRunConfigFields()
{
    ConfigSchema s;
    s.add(Field::boolean("headless")
              .withHelp("Packer defaults to building VirtualBox virtual machines by launching a "
                        "GUI that shows the console of the machine being built."));
    s.add(Field::string("vrdp_bind_address")
              .withDefault("127.0.0.1")
              .withHelp("The IP address that should be binded to for VRDP. By default packer "
                        "will use 127.0.0.1 for this."));
    s.add(Field::number("vrdp_port_min")
              .withDefault("5900")
              .withHelp("The minimum and maximum port to use for VRDP access to the virtual "
                        "machine. Packer uses a randomly chosen port in this range that appears "
                        "available."));
    s.add(Field::number("vrdp_port_max")
              .withDefault("6000")
              .withHelp("The highest port to use for VRDP access to the virtual machine."));
    return s;
}

} // namespace kiln::components
