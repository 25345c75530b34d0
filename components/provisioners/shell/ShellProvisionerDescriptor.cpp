// Keys and types mirror the HCL2 spec of packer provisioner/shell;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/provisioners/shell/ShellProvisionerSettings.h"
#include "components/shared/SharedSchemas.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor shellProvisionerDescription()
{
    ConfigSchema s;
    s.add(shellProvisionerFields());
    s.add(shellRemoteFields());
    s.add(Field::string("inline_shebang")
              .withDefault("/bin/sh -e")
              .withHelp("The shebang value used when running inline scripts."));
    s.add(Field::duration("pause_after")
              .withHelp("A duration of how long to pause after the provisioner."));
    s.add(Field::boolean("use_env_var_file")
              .withHelp("Write the Vars to a file and source them from there rather than "
                        "declaring inline."));
    s.add(Field::string("remote_folder")
              .withDefault("/tmp")
              .withHelp("The remote folder where the local shell script will be uploaded to. "
                        "This should be set to a pre-existing directory, it defaults to /tmp."));
    s.add(Field::string("remote_file")
              .withDefault("script_nnn.sh")
              .withHelp("The remote file name of the local shell script. This defaults to "
                        "script_nnn.sh."));
    s.add(Field::duration("start_retry_timeout")
              .withDefault("5m")
              .withHelp("The timeout for retrying to start the process. Until this timeout is "
                        "reached, if the provisioner can't start a process, it retries."));
    s.add(Field::boolean("skip_clean").withHelp("Whether to clean scripts up."));
    s.add(Field::boolean("expect_disconnect")
              .withHelp("If true, a disconnect of the communicator while the script runs is not "
                        "treated as an error (e.g. the script reboots the machine)."));
    s.exactlyOneOf({"inline", "script", "scripts"},
        "Either a script file or inline script must be specified.",
        "Only a script file or an inline script can be specified, not both.");
    s.atMostOneOf({"script", "scripts"}, "Only one of script or scripts can be specified.");

    ComponentDescriptor d;
    d.kind = ComponentKind::Provisioner;
    d.typeName = "shell";
    d.displayName = "Shell";
    d.description = "Uploads and runs shell scripts or inline commands on the machine.";
    d.iconName = "provisioner-shell";
    d.schema = s;
    d.settings = build::settingsReader<ShellProvisionerSettings>();
    return d;
}

} // namespace kiln::components
