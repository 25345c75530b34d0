// Keys and types mirror the HCL2 spec of packer-plugin-sdk shell-local;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptors.h"
#include "components/provisioners/shell-local/ShellLocalProvisioner.h"
#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor shellLocalProvisionerDescriptor()
{
    ConfigSchema s;
    s.add(shellProvisionerFields());
    s.add(Field::string("command").markDeprecated().withHelp(
        "Deprecated: a single command to run; use inline instead."));
    s.add(Field::list("execute_command", Field::elementOf(FieldType::String))
              .withHelp("The command used to execute the script. The '{{ .Path }}' variable "
                        "should be used to specify where the script goes, {{ .Vars }} can be "
                        "used to inject the environment_vars into the environment."));
    s.add(Field::string("inline_shebang")
              .withDefault("/bin/sh -e")
              .withHelp("The shebang value used when running inline scripts."));
    s.add(Field::list("only_on", Field::elementOf(FieldType::String))
              .withHelp("An array of multiple Runtime OSs to run on."));
    s.add(Field::string("tempfile_extension")
              .withHelp("The file extension to use for the file generated from the inline "
                        "commands."));
    s.add(Field::boolean("use_linux_pathing")
              .withHelp("On Windows, pass script paths to execute_command in Linux form (for "
                        "WSL)."));
    s.exactlyOneOf({"command", "inline", "script", "scripts"},
        "Command, Inline, Script and Scripts options cannot all be empty.",
        "You may only specify one of the following options: Command, Inline, Script or Scripts. "
        "Please consolidate these options in your config.");

    ComponentDescriptor d;
    d.kind = ComponentKind::Provisioner;
    d.typeName = "shell-local";
    d.displayName = "Shell (local)";
    d.description = "Runs shell commands or scripts on the machine running Packer.";
    d.iconName = "provisioner-shell-local";
    d.schema = s;
    d.create = [] { return std::make_unique<ShellLocalProvisioner>(); };
    return d;
}

} // namespace kiln::components
