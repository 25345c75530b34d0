// Keys and types mirror the HCL2 spec of packer-plugin-virtualbox builder/virtualbox/common
// ExportConfig; help and defaults follow its documentation. Keys and types must keep matching the
// plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema virtualboxExportConfigFields()
{
    ConfigSchema s;
    s.add(Field::enumeration("format", {"ovf", "ova"})
              .withDefault("ovf")
              .withHelp("Either ovf or ova, this specifies the output format of the exported "
                        "virtual machine. This defaults to ovf."));
    s.add(Field::list("export_opts", Field::elementOf(FieldType::String))
              .withHelp("Additional options to pass to the VBoxManage export. This can be useful "
                        "for passing product information to include in the resulting appliance "
                        "file."));
    return s;
}

} // namespace kiln::components
