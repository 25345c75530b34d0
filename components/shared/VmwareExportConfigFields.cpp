// Keys and types mirror the HCL2 spec of packer-plugin-vmware builder/vmware/common ExportConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema vmwareExportConfigFields()
{
    ConfigSchema s;
    s.add(Field::enumeration("format", {"ova", "ovf", "vmx"})
              .withDefault("vmx")
              .withHelp("The output format of the exported virtual machine. Allowed values are "
                        "ova, ovf, or vmx. Defaults to vmx."));
    s.add(Field::list("ovftool_options", Field::elementOf(FieldType::String))
              .withHelp("Additional command-line arguments to send to VMware OVF Tool during the "
                        "export process. Each string in the array represents a separate "
                        "command-line argument."));
    s.add(Field::boolean("skip_export")
              .withDefault("false")
              .withHelp("Skips the export of the virtual machine. This is useful if the build "
                        "output is not the resultant image, but created inside the virtual "
                        "machine."));
    s.add(Field::boolean("skip_compaction")
              .withDefault("false")
              .withHelp("At the end of the build process, the plugin defragments and compacts "
                        "the disks using vmware-vdiskmanager."));
    return s;
}

} // namespace kiln::components
