// Keys and types mirror the HCL2 spec of packer-plugin-vmware builder/vmware/common ToolsConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema vmwareToolsConfigFields()
{
    ConfigSchema s;
    s.add(Field::enumeration("tools_mode", {"upload", "attach", "disable"})
              .withHelp("The mode for providing VMware Tools to the virtual machine. Must be "
                        "explicitly specified when using any tools configuration."));
    s.add(Field::path("tools_source_path", PathKind::File)
              .withHelp("The absolute local path on your machine to the VMware Tools ISO file. "
                        "Can be used with tools_mode set to attach or upload."));
    s.add(Field::string("tools_upload_flavor")
              .withHelp("The flavor of VMware Tools to upload into the virtual machine based on "
                        "the guest operating system."));
    s.add(Field::string("tools_upload_path")
              .withDefault("{{ .Flavor }}.iso")
              .withHelp("The absolute path in the virtual machine guest operating system where "
                        "the VMware Tools ISO will be uploaded."));
    return s;
}

} // namespace kiln::components
