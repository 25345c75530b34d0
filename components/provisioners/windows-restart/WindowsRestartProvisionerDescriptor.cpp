// Keys and types mirror the HCL2 spec of packer provisioner/windows-restart;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor windowsRestartProvisionerDescription()
{
    ConfigSchema s;
    s.add(Field::string("restart_command")
              .withDefault("shutdown /r /f /t 0 /c \"packer restart\"")
              .withHelp("The command used to restart the guest machine."));
    s.add(Field::string("restart_check_command")
              .withHelp("The command to run after executing restart_command to check if the "
                        "guest machine has restarted."));
    s.add(Field::duration("restart_timeout")
              .withDefault("5m")
              .withHelp("The timeout for waiting for the machine to restart."));
    s.add(Field::boolean("check_registry")
              .withHelp("If true, check the registry for pending reboots and restart again until "
                        "none remain."));
    s.add(Field::list("registry_keys", Field::elementOf(FieldType::String))
              .withHelp("Additional registry keys to check for pending reboots when "
                        "check_registry is true."));

    ComponentDescriptor d;
    d.kind = ComponentKind::Provisioner;
    d.typeName = "windows-restart";
    d.displayName = "Windows restart";
    d.description = "Restarts a Windows machine and waits for it to come back.";
    d.iconName = "provisioner-windows-restart";
    d.schema = s;
    return d;
}

} // namespace kiln::components
