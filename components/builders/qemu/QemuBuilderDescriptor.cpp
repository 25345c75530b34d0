// Keys and types mirror the HCL2 spec of packer-plugin-qemu builder/qemu;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/shared/SharedSchemas.h"
#include "components/shared/qemu/QemuSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

namespace {

ConfigSchema qemuImgArgsSchema()
{
    ConfigSchema s;
    s.add(Field::list("convert", Field::elementOf(FieldType::String))
              .withHelp("Extra arguments for qemu-img convert."));
    s.add(Field::list("create", Field::elementOf(FieldType::String))
              .withHelp("Extra arguments for qemu-img create."));
    s.add(Field::list("resize", Field::elementOf(FieldType::String))
              .withHelp("Extra arguments for qemu-img resize."));
    return s;
}

} // namespace

ComponentDescriptor qemuBuilderDescription()
{
    ConfigSchema s;
    s.add(httpConfigFields());
    s.add(isoConfigFields());
    s.add(vncBootConfigFields());
    s.add(shutdownConfigFields());
    s.add(communicatorFields());
    s.add(Field::number("host_port_min")
              .withDefault("2222")
              .withHelp("The minimum port to use for the Communicator port on the host machine "
                        "which is forwarded to the SSH or WinRM port on the guest machine."));
    s.add(Field::number("host_port_max")
              .withDefault("4444")
              .withHelp("The maximum port to use for the Communicator port on the host machine "
                        "which is forwarded to the SSH or WinRM port on the guest machine."));
    s.add(Field::boolean("skip_nat_mapping")
              .withDefault("false")
              .withHelp("Defaults to false. When enabled, Packer does not setup forwarded port "
                        "mapping for communicator (SSH or WinRM) requests and uses ssh_port or "
                        "winrm_port on the host to communicate to the virtual machine."));
    s.add(Field::number("ssh_host_port_min")
              .markDeprecated()
              .withHelp("Deprecated alias of host_port_min."));
    s.add(Field::number("ssh_host_port_max")
              .markDeprecated()
              .withHelp("Deprecated alias of host_port_max."));
    s.add(floppyConfigFields());
    s.add(cdConfigFields());
    s.add(
        Field::number("cpus").withHelp("The number of virtual cpus to use when building the VM."));
    s.add(Field::number("sockets").withDefault("1").withHelp(
        "The number of sockets to use when building the VM. The default is 1 "
        "socket. The socket count must not be higher than the CPU count."));
    s.add(Field::number("cores").withDefault("1").withHelp(
        "The number of cores per CPU to use when building the VM. The default is "
        "1 core per CPU."));
    s.add(Field::number("threads").withDefault("1").withHelp(
        "The number of threads per core to use when building the VM. The default "
        "is 1 thread per core."));
    s.add(Field::boolean("efi_boot")
              .withHelp("Boot in EFI mode instead of BIOS. This is required for more modern "
                        "guest OS. If either or both of efi_firmware_code or efi_firmware_vars "
                        "are defined, this will implicitely be set to true."));
    s.add(Field::path("efi_firmware_code", PathKind::File)
              .withDefault("/usr/share/OVMF/OVMF_CODE.fd")
              .withHelp("Path to the CODE part of OVMF (or other compatible firmwares) The "
                        "OVMF_CODE.fd file contains the bootstrap code for booting in EFI mode, "
                        "and requires a separate VARS.fd file to be able to persist data between "
                        "boot cycles."));
    s.add(Field::path("efi_firmware_vars", PathKind::File)
              .withDefault("/usr/share/OVMF/OVMF_VARS.fd")
              .withHelp("Path to the VARS corresponding to the OVMF code file."));
    s.add(Field::boolean("efi_drop_efivars")
              .withHelp("Drop the efivars.fd file in the exported artifact."));
    s.add(Field::boolean("iso_skip_cache")
              .withDefault("false")
              .withHelp("Use iso from provided url. Qemu must support curl block device. This "
                        "defaults to false."));
    s.add(Field::enumeration("accelerator", {"none", "kvm", "tcg", "xen", "hax", "hvf", "whpx"})
              .withDefault("tcg")
              .withHelp("The accelerator type to use when running the VM. This may be none, kvm, "
                        "tcg, hax, hvf, whpx, or xen."));
    s.add(Field::list("disk_additional_size", Field::elementOf(FieldType::String))
              .withHelp("Additional disks to create. Uses vm_name as the disk name template and "
                        "appends -# where # is the position in the array. # starts at 1 since 0 "
                        "is the default disk."));
    s.add(Field::path("firmware", PathKind::File)
              .withHelp("The firmware file to be used by QEMU. If unset, QEMU will load its "
                        "default firmware. Also see the QEMU documentation."));
    s.add(Field::boolean("use_pflash")
              .withHelp("If a firmware file option was provided, this option can be used to "
                        "change how qemu will get it."));
    s.add(
        Field::enumeration("disk_interface", {"ide", "sata", "scsi", "sd", "virtio", "virtio-scsi"})
            .withDefault("virtio")
            .withHelp("The interface to use for the disk. Allowed values include any of ide, "
                      "sata, scsi, sd, virtio or virtio-scsi^\\*."));
    s.add(Field::string("disk_size")
              .withDefault("40960M")
              .withHelp("The size in bytes of the hard disk of the VM. Suffix with the first "
                        "letter of common byte types."));
    s.add(Field::boolean("skip_resize_disk")
              .withDefault("false")
              .withHelp("Packer resizes the QCOW2 image using qemu-img resize. Set this option "
                        "to true to disable resizing."));
    s.add(Field::enumeration(
        "disk_cache", {"writethrough", "writeback", "none", "unsafe", "directsync"})
              .withDefault("writeback")
              .withHelp("The cache mode to use for disk. Allowed values include any of "
                        "writethrough, writeback, none, unsafe or directsync."));
    s.add(Field::enumeration("disk_discard", {"unmap", "ignore"})
              .withDefault("ignore")
              .withHelp("The discard mode to use for disk. Allowed values include any of unmap "
                        "or ignore. By default, this is set to ignore."));
    s.add(Field::enumeration("disk_detect_zeroes", {"unmap", "on", "off"})
              .withDefault("off")
              .withHelp("The detect-zeroes mode to use for disk. Allowed values include any of "
                        "unmap, on or off. Defaults to off."));
    s.add(Field::boolean("skip_compaction")
              .withDefault("false")
              .withHelp("Packer compacts the QCOW2 image using qemu-img convert. Set this option "
                        "to true to disable compacting."));
    s.add(Field::boolean("disk_compression")
              .withDefault("false")
              .withHelp("Apply compression to the QCOW2 disk file using qemu-img convert. "
                        "Defaults to false."));
    s.add(Field::enumeration("format", {"qcow2", "raw"})
              .withDefault("qcow2")
              .withHelp("Either qcow2 or raw, this specifies the output format of the virtual "
                        "machine image. This defaults to qcow2."));
    s.add(Field::boolean("headless")
              .withHelp("Packer defaults to building QEMU virtual machines by launching a GUI "
                        "that shows the console of the machine being built."));
    s.add(Field::boolean("disk_image")
              .withHelp("Packer defaults to building from an ISO file, this parameter controls "
                        "whether the ISO URL supplied is actually a bootable QEMU image."));
    s.add(Field::boolean("use_backing_file")
              .withHelp("Only applicable when disk_image is true and format is qcow2, set this "
                        "option to true to create a new QCOW2 file that uses the file located at "
                        "iso_url as a backing file."));
    s.add(Field::string("machine_type")
              .withDefault("pc")
              .withHelp("The type of machine emulation to use. Run your qemu binary with the "
                        "flags -machine help to list available types for your system."));
    s.add(Field::number("memory").withDefault("512").withHelp(
        "The amount of memory to use when building the VM in megabytes. This "
        "defaults to 512 megabytes."));
    s.add(Field::string("net_device")
              .withDefault("virtio-net")
              .withHelp("The driver to use for the network interface. Allowed values ne2k_pci, "
                        "i82551, i82557b, i82559er, rtl8139, e1000, pcnet, virtio, virtio-net, "
                        "virtio-net-pci, usb-net, i82559a, i82559b, i82559c, i82550, i82562, "
                        "i82557a, i82557c, i82801, vmxnet3, i82558a or i82558b."));
    s.add(Field::string("net_bridge")
              .withHelp("Connects the network to this bridge instead of using the user mode "
                        "networking."));
    s.add(Field::path("output_directory", PathKind::Directory)
              .withDefault("output-BUILDNAME")
              .withHelp("This is the path to the directory where the resulting virtual machine "
                        "will be created. This may be relative or absolute."));
    s.add(Field::list("qemuargs", Field::list({}, Field::elementOf(FieldType::String)))
              .withHelp("Allows complete control over the qemu command line (though not "
                        "qemu-img). Each array of strings makes up a command line switch that "
                        "overrides matching default switch/value pairs."));
    s.add(Field::block("qemu_img_args", qemuImgArgsSchema(), false)
              .withHelp("A map of custom arguments to pass to qemu-img commands, where the key "
                        "is the subcommand, and the values are lists of strings for each flag."));
    s.add(Field::string("qemu_binary")
              .withDefault("qemu-system-x86_64")
              .withHelp("The name of the Qemu binary to look for. This defaults to "
                        "qemu-system-x86_64, but may need to be changed for some platforms."));
    s.add(Field::boolean("qmp_enable")
              .withDefault("false")
              .withHelp("Enable QMP socket. Location is specified by qmp_socket_path. Defaults "
                        "to false."));
    s.add(Field::string("qmp_socket_path")
              .withHelp("QMP Socket Path when qmp_enable is true. Defaults to "
                        "output_directory/vm_name.monitor."));
    s.add(Field::boolean("use_default_display")
              .withHelp("If true, do not pass a -display option to qemu, allowing it to choose "
                        "the default. This may be needed when running under macOS, and getting "
                        "errors about sdl not being available."));
    s.add(Field::string("vga").withHelp(
        "The type of VGA card to emulate. If undefined, this will not be "
        "included in the command-line, and the default qemu value for the "
        "emulated machine will be picked."));
    s.add(Field::string("display").withHelp(
        "What QEMU -display option to use. Defaults to gtk, use none to not pass "
        "the -display option allowing QEMU to choose the default."));
    s.add(Field::string("vnc_bind_address")
              .withDefault("127.0.0.1")
              .withHelp("The IP address that should be binded to for VNC. By default packer will "
                        "use 127.0.0.1 for this."));
    s.add(Field::boolean("vnc_use_password")
              .withDefault("false")
              .withHelp("Whether or not to set a password on the VNC server. This option "
                        "automatically enables the QMP socket."));
    s.add(Field::string("vnc_password")
              .markSensitive()
              .withHelp("The password to set when VNCUsePassword == true."));
    s.add(Field::number("vnc_port_min")
              .withDefault("5900")
              .withHelp("The lowest port to use for VNC access; Packer picks a free port between "
                        "vnc_port_min and vnc_port_max."));
    s.add(Field::number("vnc_port_max")
              .withDefault("6000")
              .withHelp("The highest port to use for VNC access to the virtual machine."));
    s.add(Field::string("vm_name")
              .withDefault("packer-BUILDNAME")
              .withHelp("This is the name of the image (QCOW2 or IMG) file for the new virtual "
                        "machine. By default this is packer-BUILDNAME, where \"BUILDNAME\" is "
                        "the name of the build."));
    s.add(Field::string("cdrom_interface")
              .withHelp("The interface to use for the CDROM device which contains the ISO image. "
                        "Allowed values include any of ide, scsi, virtio or virtio-scsi."));
    s.add(Field::boolean("vtpm").withHelp(
        "Use a virtual (emulated) TPM device to expose to the VM."));
    s.add(Field::boolean("use_tpm1")
              .withHelp("Use version 1.2 of the TPM specification for the emulated TPM."));
    s.add(Field::string("tpm_device_type")
              .withHelp("The TPM device type to inject in the qemu command-line."));
    s.add(Field::list("boot_steps", Field::list({}, Field::elementOf(FieldType::String)))
              .withHelp("This is an array of tuples of boot commands, to type when the virtual "
                        "machine is booted. The first element of the tuple is the actual boot "
                        "command."));
    s.add(Field::string("cpu_model")
              .withHelp("The CPU model is what will be used by qemu for booting the virtual "
                        "machine and determine which features of a specific model/family of "
                        "processors is supported."));
    s.add(Field::boolean("run_once").withHelp("Internal flag of the QEMU driver; leave unset."));

    ComponentDescriptor d;
    d.kind = ComponentKind::Builder;
    d.typeName = "qemu";
    d.displayName = "QEMU";
    d.description = "Creates KVM/QEMU virtual machine images from an ISO or an existing disk "
                    "image.";
    d.iconName = "builder-qemu";
    d.schema = s;
    d.settings = build::settingsReader<QemuSettings>();
    return d;
}

} // namespace kiln::components
