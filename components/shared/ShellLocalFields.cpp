// Keys and types mirror the HCL2 spec of packer-plugin-sdk shell-local, which the
// shell-local provisioner and post-processor share; help and defaults follow its
// documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema shellLocalFields()
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
    return s;
}

} // namespace kiln::components
