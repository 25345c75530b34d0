// Keys and types mirror the HCL2 spec of packer-plugin-virtualbox builder/virtualbox/iso;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor virtualboxIsoBuilderDescription()
{
    ConfigSchema s;
    s.add(httpConfigFields());
    s.add(isoConfigFields());
    s.add(floppyConfigFields());
    s.add(cdConfigFields());
    s.add(bootConfigFields());
    s.add(virtualboxExportConfigFields());
    s.add(virtualboxOutputConfigFields());
    s.add(virtualboxRunConfigFields());
    s.add(virtualboxShutdownConfigFields());
    s.add(virtualboxCommConfigFields());
    s.add(virtualboxHWConfigFields());
    s.add(virtualboxVBoxManageConfigFields());
    s.add(virtualboxVBoxVersionConfigFields());
    s.add(virtualboxVBoxBundleConfigFields());
    s.add(virtualboxGuestAdditionsConfigFields());
    s.add(Field::enumeration("chipset", {"piix3", "ich9", "armv8", "armv8virtual"})
              .withDefault("piix3")
              .withHelp("The chipset to be used: PIIX3 or ICH9. When set to piix3, the firmare "
                        "is PIIX3. This is the default."));
    s.add(Field::enumeration("firmware", {"bios", "efi"})
              .withDefault("bios")
              .withHelp("The firmware to be used: BIOS or EFI. When set to bios, the firmare is "
                        "BIOS. This is the default."));
    s.add(Field::boolean("nested_virt")
              .withHelp("Nested virtualization: false or true. When set to true, nested "
                        "virtualisation (VT-x/AMD-V) is enabled."));
    s.add(Field::enumeration("rtc_time_base", {"UTC", "local"})
              .withDefault("local")
              .withHelp("RTC time base: UTC or local. When set to \"UTC\", the RTC is set as UTC "
                        "time. When set to \"local\", the RTC is set as local time."));
    s.add(Field::number("disk_size")
              .withDefault("40000")
              .withHelp("The size, in megabytes, of the hard disk to create for the VM. By "
                        "default, this is 40000 (about 40 GB)."));
    s.add(Field::enumeration("nic_type",
        {"82540EM", "82543GC", "82545EM", "Am79C970A", "Am79C973", "Am79C960", "virtio", "usbnet"})
              .withDefault("82540EM")
              .withHelp("The NIC type to be used for the network interfaces. When set to "
                        "82540EM, the NICs are Intel PRO/1000 MT Desktop (82540EM)."));
    s.add(Field::enumeration("audio_controller", {"ac97", "hda", "sb16", "none"})
              .withDefault("ac97")
              .withHelp("The audio controller type to be used. When set to ac97, the audio "
                        "controller is ICH AC97. This is the default."));
    s.add(Field::enumeration("usb_controller", {"ohci", "ehci", "xhci", "none"})
              .withDefault("ehci")
              .withHelp("The USB controller type to be used. When set to ohci, the USB "
                        "controller is USB 1.1 (OHCI)."));
    s.add(Field::enumeration("mouse", {"ps2", "usb", "usbtablet", "usbmultitouch"})
              .withDefault("ps2")
              .withHelp("The mouse device type to be used. When set to ps2, a PS/2 mouse is "
                        "emulated. This is the default."));
    s.add(Field::enumeration("keyboard", {"ps2", "usb"})
              .withDefault("ps2")
              .withHelp("The keyboard device type to be used. When set to ps2, a PS/2 keyboard "
                        "is emulated. This is the default."));
    s.add(
        Field::enumeration("gfx_controller", {"vboxvga", "vboxsvga", "vmsvga", "qemuramfb", "none"})
            .withHelp("The graphics controller type to be used. When set to vboxvga, the "
                      "graphics controller is VirtualBox VGA."));
    s.add(Field::number("gfx_vram_size")
              .withDefault("4")
              .withHelp("The VRAM size to be used. By default, this is 4 MiB."));
    s.add(Field::boolean("gfx_accelerate_3d")
              .withHelp("3D acceleration: true or false. When set to true, 3D acceleration is "
                        "enabled. When set to false, 3D acceleration is disabled."));
    s.add(Field::string("gfx_efi_resolution")
              .withHelp("Screen resolution in EFI mode: WIDTHxHEIGHT. When set to WIDTHxHEIGHT, "
                        "it provides the given width and height as screen resolution to EFI, for "
                        "example 1920x1080 for Full-HD resolution."));
    s.add(Field::string("guest_os_type")
              .withDefault("Other")
              .withHelp("The guest OS type being installed. By default this is other, but you "
                        "can get dramatic performance improvements by setting this to the proper "
                        "value."));
    s.add(Field::boolean("hard_drive_discard")
              .withHelp("When this value is set to true, a VDI image will be shrunk in response "
                        "to the trim command from the guest OS."));
    s.add(Field::enumeration("hard_drive_interface", {"ide", "sata", "scsi", "pcie", "virtio"})
              .withDefault("ide")
              .withHelp("The type of controller that the primary hard drive is attached to, "
                        "defaults to ide. When set to sata, the drive is attached to an AHCI "
                        "SATA controller."));
    s.add(Field::number("sata_port_count")
              .withDefault("1")
              .withHelp("The number of ports available on any SATA controller created, defaults "
                        "to 1. VirtualBox supports up to 30 ports on a maximum of 1 SATA "
                        "controller."));
    s.add(Field::number("nvme_port_count")
              .withDefault("1")
              .withHelp("The number of ports available on any NVMe controller created, defaults "
                        "to 1. VirtualBox supports up to 255 ports on a maximum of 1 NVMe "
                        "controller."));
    s.add(Field::boolean("hard_drive_nonrotational")
              .withHelp("Forces some guests (i.e. Windows 7+) to treat disks as SSDs and stops "
                        "them from performing disk fragmentation."));
    s.add(Field::enumeration("iso_interface", {"ide", "sata", "virtio"})
              .withDefault("ide")
              .withHelp("The type of controller that the ISO is attached to, defaults to ide. "
                        "When set to sata, the drive is attached to an AHCI SATA controller."));
    s.add(Field::list("disk_additional_size", Field::elementOf(FieldType::Number))
              .withHelp("Additional disks to create. Uses vm_name as the disk name template and "
                        "appends -# where # is the position in the array. # starts at 1 since 0 "
                        "is the default disk."));
    s.add(Field::boolean("keep_registered")
              .withDefault("false")
              .withHelp("Set this to true if you would like to keep the VM registered with "
                        "virtualbox. Defaults to false."));
    s.add(Field::boolean("skip_export")
              .withDefault("false")
              .withHelp("Defaults to false. When enabled, Packer will not export the VM. Useful "
                        "if the build output is not the resultant image, but created inside the "
                        "VM."));
    s.add(Field::string("vm_name")
              .withDefault("packer-BUILDNAME")
              .withHelp("This is the name of the OVF file for the new virtual machine, without "
                        "the file extension. By default this is packer-BUILDNAME, where "
                        "\"BUILDNAME\" is the name of the build."));

    ComponentDescriptor d;
    d.kind = ComponentKind::Builder;
    d.typeName = "virtualbox-iso";
    d.displayName = "VirtualBox ISO";
    d.description = "Creates a VirtualBox virtual machine from an ISO and exports it as "
                    "OVF/OVA.";
    d.iconName = "builder-virtualbox";
    d.schema = s;
    return d;
}

} // namespace kiln::components
