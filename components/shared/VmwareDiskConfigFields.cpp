// Keys and types mirror the HCL2 spec of packer-plugin-vmware builder/vmware/common DiskConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema vmwareDiskConfigFields()
{
    ConfigSchema s;
    s.add(Field::list("disk_additional_size", Field::elementOf(FieldType::Number))
              .withHelp("The size(s) of additional virtual hard disks in MB. If not specified, "
                        "the virtual machine will contain only a primary hard disk."));
    s.add(Field::string("disk_adapter_type")
              .withHelp("The adapter type for additional virtual disk(s). Available options are "
                        "ide, sata, nvme, or scsi."));
    s.add(Field::string("vmdk_name")
              .withDefault("disk")
              .withHelp("The filename for the virtual disk to create _without_ the .vmdk "
                        "extension. Defaults to disk."));
    s.add(Field::string("disk_type_id")
              .withDefault("1")
              .withHelp("The type of virtual disk to create: 0 growable single file, 1 growable "
                        "split in 2GB files, 2 preallocated single file, 3 preallocated split, 4 "
                        "preallocated ESX, 5 compressed stream-optimized. Defaults to 1 (0 on "
                        "ESXi)."));
    return s;
}

} // namespace kiln::components
