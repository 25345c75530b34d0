// Keys and types mirror the HCL2 spec of packer-plugin-sdk shutdowncommand ShutdownConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema shutdownConfigFields()
{
    ConfigSchema s;
    s.add(Field::string("shutdown_command")
              .withHelp("The command to use to gracefully shut down the machine once all "
                        "provisioning is complete. By default this is an empty string, which "
                        "tells Packer to just forcefully shut down the machine."));
    s.add(Field::duration("shutdown_timeout")
              .withHelp("The amount of time to wait after executing the shutdown_command for the "
                        "virtual machine to actually shut down."));
    return s;
}

} // namespace kiln::components
