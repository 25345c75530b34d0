// Keys and types mirror the HCL2 spec of packer-plugin-virtualbox builder/virtualbox/common
// GuestAdditionsConfig; help and defaults follow its documentation. Keys and types must keep
// matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema virtualboxGuestAdditionsConfigFields()
{
    ConfigSchema s;
    s.add(Field::enumeration("guest_additions_mode", {"upload", "attach", "disable"})
              .withDefault("upload")
              .withHelp("The method by which guest additions are made available to the guest for "
                        "installation. Valid options are upload, attach, or disable."));
    s.add(Field::string("guest_additions_interface")
              .withDefault("ide")
              .withHelp("The interface type to use to mount guest additions when "
                        "guest_additions_mode is set to attach."));
    s.add(Field::string("guest_additions_path")
              .withDefault("VBoxGuestAdditions.iso")
              .withHelp("The path on the guest virtual machine where the VirtualBox guest "
                        "additions ISO will be uploaded."));
    s.add(Field::string("guest_additions_sha256")
              .withHelp("The SHA256 checksum of the guest additions ISO that will be uploaded to "
                        "the guest VM. By default the checksums will be downloaded from the "
                        "VirtualBox website, so this only needs to be set if you want to be "
                        "explicit about the checksum."));
    s.add(Field::string("guest_additions_url")
              .withHelp("The URL of the guest additions ISO to upload. This can also be a file "
                        "URL if the ISO is at a local path."));
    return s;
}

} // namespace kiln::components
