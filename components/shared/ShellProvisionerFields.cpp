// Keys and types mirror the HCL2 spec of packer-plugin-sdk shell Provisioner;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema shellProvisionerFields()
{
    ConfigSchema s;
    s.add(Field::list("inline", Field::elementOf(FieldType::String))
              .withHelp("An inline script to execute. Multiple strings are all executed in the "
                        "context of a single shell."));
    s.add(Field::path("script", PathKind::File)
              .withHelp("The local path of the shell script to upload and execute."));
    s.add(Field::list("scripts", Field::path({}, PathKind::File))
              .withHelp("An array of multiple scripts to run."));
    s.add(Field::list("valid_exit_codes", Field::elementOf(FieldType::Number))
              .withHelp("Valid Exit Codes - 0 is not always the only valid error code! See "
                        "http://www.symantec.com/connect/articles/"
                        "windows-system-error-codes-exit-codes-description "
                        "for examples such as 3010 - \"The requested operation is successful."));
    s.add(Field::list("environment_vars", Field::elementOf(FieldType::String))
              .withHelp("An array of environment variables that will be injected before your "
                        "command(s) are executed."));
    s.add(Field::map("env", Field::elementOf(FieldType::String))
              .withHelp("An map of environment variables that will be injected before your "
                        "command(s) are executed."));
    s.add(Field::string("env_var_format")
              .withHelp("This is used in the template generation to format environment variables "
                        "inside the ExecuteCommand template."));
    return s;
}

} // namespace kiln::components
