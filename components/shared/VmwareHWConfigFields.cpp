// Keys and types mirror the HCL2 spec of packer-plugin-vmware builder/vmware/common HWConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema vmwareHWConfigFields()
{
    ConfigSchema s;
    s.add(Field::enumeration("firmware", {"bios", "efi", "efi-secure"})
              .withHelp("The firmware type for the virtual machine. Allowed values are bios, "
                        "efi, and efi-secure (for secure boot)."));
    s.add(Field::number("cpus").withHelp(
        "The number of virtual CPUs cores for the virtual machine."));
    s.add(Field::number("cores").withHelp(
        "The number of virtual CPU cores per socket for the virtual machine."));
    s.add(Field::number("memory").withDefault("512").withHelp(
        "The amount of memory for the virtual machine in MB. Defaults to 512."));
    s.add(Field::string("network").withDefault("nat").withHelp(
        "The network which the virtual machine will connect for desktop "
        "hypervisors. Recommended values are nat, hostonly, or bridged."));
    s.add(Field::string("network_name")
              .withHelp("The network which the virtual machine will connect on a remote "
                        "hypervisor."));
    s.add(Field::string("network_adapter_type")
              .withHelp("The network adapter type for the virtual machine. Allowed values are "
                        "vmxnet3, e1000e, and e1000."));
    s.add(Field::boolean("sound").withDefault("false").withHelp(
        "Enable virtual sound card device. Defaults to false."));
    s.add(Field::boolean("usb").withDefault("false").withHelp(
        "Enable USB controller for the virtual machine. Defaults to false."));
    s.add(Field::string("usb_version")
              .withDefault("3.1")
              .withHelp("USB version to use when USB is enabled. Defaults to 3.1. Allowed values "
                        "are 2.0, 3.1, and 3.2."));
    s.add(Field::string("serial").withHelp(
        "Add a serial port to the virtual machine. Use a format of "
        "Type:option1,option2,.... Allowed values for the field Type include: "
        "FILE, DEVICE, PIPE, AUTO, or NONE."));
    s.add(Field::string("parallel")
              .withHelp("Adds a parallel port, as Type:option1,option2,... where Type is FILE, "
                        "DEVICE, AUTO or NONE."));
    return s;
}

} // namespace kiln::components
