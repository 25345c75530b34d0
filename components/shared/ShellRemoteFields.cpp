// Keys and types mirror the HCL2 spec of packer-plugin-sdk shell ProvisionerRemoteSpecific;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema shellRemoteFields()
{
    ConfigSchema s;
    s.add(Field::boolean("binary").withHelp(
        "If true, the script contains binary and line endings will not be "
        "converted from Windows to Unix-style."));
    s.add(Field::string("remote_path")
              .withHelp("The remote path where the local shell script will be uploaded to. This "
                        "should be set to a writable file that is in a pre-existing directory."));
    s.add(Field::string("execute_command")
              .withDefault("chmod +x {{.Path}}; {{.Vars}} {{.Path}}")
              .withHelp("The command used to execute the script. The '{{ .Path }}' variable "
                        "should be used to specify where the script goes, {{ .Vars }} can be "
                        "used to inject the environment_vars into the environment."));
    return s;
}

} // namespace kiln::components
