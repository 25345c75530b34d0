// Keys and types mirror the HCL2 spec of packer-plugin-virtualbox builder/virtualbox/common
// OutputConfig; help and defaults follow its documentation. Keys and types must keep matching the
// plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema virtualboxOutputConfigFields()
{
    ConfigSchema s;
    s.add(Field::path("output_directory", PathKind::Directory)
              .withDefault("output-BUILDNAME")
              .withHelp("This is the path to the directory where the resulting virtual machine "
                        "will be created. This may be relative or absolute."));
    s.add(Field::string("output_filename")
              .withHelp("This is the base name of the file (excluding the file extension) where "
                        "the resulting virtual machine will be created."));
    return s;
}

} // namespace kiln::components
