// Keys and types mirror the HCL2 spec of packer provisioner/windows-shell;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor windowsShellProvisionerDescription()
{
    ConfigSchema s;
    s.add(shellProvisionerFields());
    s.add(shellRemoteFields());
    s.add(Field::duration("start_retry_timeout")
              .withHelp("The timeout for retrying to start the process. Until this timeout is "
                        "reached, if the provisioner can't start a process, it retries."));
    s.exactlyOneOf({"inline", "script", "scripts"},
        "Either a script file or inline script must be specified.",
        "Only a script file or an inline script can be specified, not both.");
    s.atMostOneOf({"script", "scripts"}, "Only one of script or scripts can be specified.");

    ComponentDescriptor d;
    d.kind = ComponentKind::Provisioner;
    d.typeName = "windows-shell";
    d.displayName = "Windows shell";
    d.description = "Runs cmd.exe scripts or inline commands on a Windows machine.";
    d.iconName = "provisioner-windows-shell";
    d.schema = s;
    return d;
}

} // namespace kiln::components
