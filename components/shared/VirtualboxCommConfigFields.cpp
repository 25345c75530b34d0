// Keys and types mirror the HCL2 spec of packer-plugin-virtualbox builder/virtualbox/common
// CommConfig; help and defaults follow its documentation. Keys and types must keep matching the
// plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema virtualboxCommConfigFields()
{
    ConfigSchema s;
    s.add(communicatorFields());
    s.add(Field::number("host_port_min")
              .withDefault("2222")
              .withHelp("The minimum port to use for the Communicator port on the host machine "
                        "which is forwarded to the SSH or WinRM port on the guest machine."));
    s.add(Field::number("host_port_max")
              .withDefault("4444")
              .withHelp("The maximum port to use for the Communicator port on the host machine "
                        "which is forwarded to the SSH or WinRM port on the guest machine."));
    s.add(Field::boolean("skip_nat_mapping")
              .withDefault("false")
              .withHelp("Defaults to false. When enabled, Packer does not setup forwarded port "
                        "mapping for communicator (SSH or WinRM) requests and uses ssh_port or "
                        "winrm_port on the host to communicate to the virtual machine."));
    s.add(Field::number("ssh_host_port_min")
              .markDeprecated()
              .withHelp("Deprecated alias of host_port_min."));
    s.add(Field::number("ssh_host_port_max")
              .markDeprecated()
              .withHelp("Deprecated alias of host_port_max."));
    s.add(Field::boolean("ssh_skip_nat_mapping")
              .markDeprecated()
              .withHelp("Deprecated alias of skip_nat_mapping."));
    return s;
}

} // namespace kiln::components
