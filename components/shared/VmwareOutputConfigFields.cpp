// Keys and types mirror the HCL2 spec of packer-plugin-vmware builder/vmware/common OutputConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema vmwareOutputConfigFields()
{
    ConfigSchema s;
    s.add(Field::path("output_directory", PathKind::Directory)
              .withDefault("output-BUILDNAME")
              .withHelp("This is the path on your local machine to the directory where the "
                        "resulting virtual machine will be created."));
    return s;
}

} // namespace kiln::components
