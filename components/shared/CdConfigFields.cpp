// Keys and types mirror the HCL2 spec of packer-plugin-sdk multistep/commonsteps CDConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema cdConfigFields()
{
    ConfigSchema s;
    s.add(Field::list("cd_files", Field::path({}, PathKind::FileOrDirectory))
              .withHelp("A list of files to place onto a CD that is attached when the VM is "
                        "booted. This can include either files or directories; any directories "
                        "will be copied onto the CD recursively, preserving directory structure "
                        "hierarchy."));
    s.add(Field::map("cd_content", Field::elementOf(FieldType::String))
              .withHelp("Key/Values to add to the CD. The keys represent the paths, and the "
                        "values contents. It can be used alongside cd_files, which is useful to "
                        "add large files without loading them into memory."));
    s.add(Field::string("cd_label")
              .withHelp("The volume label of the CD that Packer creates from cd_files and "
                        "cd_content."));
    return s;
}

} // namespace kiln::components
