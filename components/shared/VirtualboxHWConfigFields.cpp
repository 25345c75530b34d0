// Keys and types mirror the HCL2 spec of packer-plugin-virtualbox builder/virtualbox/common
// HWConfig; help and defaults follow its documentation. Keys and types must keep matching the
// plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema virtualboxHWConfigFields()
{
    ConfigSchema s;
    s.add(Field::number("cpus").withDefault("1").withHelp(
        "The number of cpus to use for building the VM. Defaults to 1."));
    s.add(Field::number("memory").withDefault("512").withHelp(
        "The amount of memory to use for building the VM in megabytes. Defaults "
        "to 512 megabytes."));
    s.add(Field::string("sound").withDefault("none").withHelp(
        "Defaults to none. The type of audio device to use for sound when "
        "building the VM. Some of the options that are available are dsound, "
        "oss, alsa, pulse, coreaudio, null."));
    s.add(Field::boolean("usb").withDefault("false").withHelp(
        "Specifies whether or not to enable the USB bus when building the VM. "
        "Defaults to false."));
    return s;
}

} // namespace kiln::components
