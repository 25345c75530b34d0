// Keys and types mirror the HCL2 spec of packer-plugin-sdk multistep/commonsteps FloppyConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema floppyConfigFields()
{
    ConfigSchema s;
    s.add(Field::list("floppy_files", Field::path({}, PathKind::FileOrDirectory))
              .withHelp("A list of files to place onto a floppy disk that is attached when the "
                        "VM is booted. Currently, no support exists for creating sub-directories "
                        "on the floppy."));
    s.add(Field::list("floppy_dirs", Field::path({}, PathKind::Directory))
              .withHelp("A list of directories to place onto the floppy disk recursively. This "
                        "is similar to the floppy_files option except that the directory "
                        "structure is preserved."));
    s.add(Field::map("floppy_content", Field::elementOf(FieldType::String))
              .withHelp("Key/Values to add to the floppy disk. The keys represent the paths, and "
                        "the values contents."));
    s.add(Field::string("floppy_label")
              .withDefault("packer")
              .withHelp("The label of the floppy disk that Packer creates. Defaults to "
                        "\"packer\"."));
    return s;
}

} // namespace kiln::components
