// Keys and types mirror the HCL2 spec of packer provisioner/powershell;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor powershellProvisionerDescription()
{
    ConfigSchema s;
    s.add(shellProvisionerFields());
    s.add(shellRemoteFields());
    s.add(Field::string("remote_env_var_path")
              .withHelp("The remote path where the file containing the environment variables "
                        "will be uploaded to. This should be set to a writable file that is in a "
                        "pre-existing directory."));
    s.add(Field::string("elevated_execute_command")
              .withHelp("The command used to execute the elevated script. The '{{ .Path }}' "
                        "variable should be used to specify where the script goes, {{ .Vars }} "
                        "can be used to inject the environment_vars into the environment."));
    s.add(Field::boolean("skip_clean")
              .withDefault("false")
              .withHelp("Whether to clean scripts up after executing the provisioner. Defaults "
                        "to false. When true any script created by a non-elevated Powershell "
                        "provisioner will be removed from the remote machine."));
    s.add(Field::duration("start_retry_timeout")
              .withDefault("5m")
              .withHelp("The timeout for retrying to start the process. Until this timeout is "
                        "reached, if the provisioner can't start a process, it retries."));
    s.add(Field::string("elevated_env_var_format")
              .withHelp("This is used in the template generation to format environment variables "
                        "inside the ElevatedExecuteCommand template."));
    s.add(Field::string("elevated_user")
              .withHelp("Instructs the communicator to run the remote script as a Windows "
                        "scheduled task, effectively elevating the remote user by impersonating "
                        "a logged-in user."));
    s.add(Field::string("elevated_password")
              .markSensitive()
              .withHelp("The password for elevated_user."));
    s.add(
        Field::enumeration("execution_policy",
            {"bypass", "allsigned", "default", "remotesigned", "restricted", "undefined",
                "unrestricted", "none"})
            .withDefault("bypass")
            .withHelp("The PowerShell execution policy to run scripts with. Defaults to bypass."));
    s.add(Field::number("debug_mode")
              .withHelp("Turns on PowerShell PSDebug tracing with this level (Set-PSDebug -Trace "
                        "N) to help debug scripts."));
    s.add(Field::duration("pause_after")
              .withHelp("A duration of how long to pause after the provisioner."));
    s.add(Field::boolean("use_pwsh")
              .withHelp("Run pwsh.exe instead of powershell.exe - latest version of powershell."));
    s.exactlyOneOf({"inline", "script", "scripts"},
        "Either a script file or inline script must be specified.",
        "Only a script file or an inline script can be specified, not both.");
    s.atMostOneOf({"script", "scripts"}, "Only one of script or scripts can be specified.");

    ComponentDescriptor d;
    d.kind = ComponentKind::Provisioner;
    d.typeName = "powershell";
    d.displayName = "PowerShell";
    d.description = "Runs PowerShell scripts or inline commands on a Windows machine.";
    d.iconName = "provisioner-powershell";
    d.schema = s;
    return d;
}

} // namespace kiln::components
