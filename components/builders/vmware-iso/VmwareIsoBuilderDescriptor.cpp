// Keys and types mirror the HCL2 spec of packer-plugin-vmware builder/vmware/iso;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor vmwareIsoBuilderDescription()
{
    ConfigSchema s;
    s.add(httpConfigFields());
    s.add(isoConfigFields());
    s.add(floppyConfigFields());
    s.add(cdConfigFields());
    s.add(vncBootConfigFields());
    s.add(vmwareDriverConfigFields());
    s.add(vmwareHWConfigFields());
    s.add(vmwareOutputConfigFields());
    s.add(vmwareRunConfigFields());
    s.add(shutdownConfigFields());
    s.add(vmwareSSHConfigFields());
    s.add(vmwareToolsConfigFields());
    s.add(vmwareVMXConfigFields());
    s.add(vmwareExportConfigFields());
    s.add(vmwareDiskConfigFields());
    s.add(Field::number("disk_size")
              .withDefault("40000")
              .withHelp("The size of the disk in megabytes. The builder uses expandable virtual "
                        "hard disks. The file that backs the virtual disk will only grow as "
                        "needed up to this size."));
    s.add(Field::enumeration("cdrom_adapter_type", {"ide", "sata", "scsi"})
              .withHelp("The type of controller to use for the CD-ROM device. Allowed values are "
                        "ide, sata, and scsi."));
    s.add(Field::string("guest_os_type")
              .withDefault("other-64")
              .withHelp("The guest operating system identifier for the virtual machine. Defaults "
                        "to other-64 on amd64 and arm-other-64 on arm64."));
    s.add(Field::number("version").withDefault("21").withHelp(
        "The virtual machine hardware version. Refer to KB 315655 for more "
        "information on supported virtual hardware versions."));
    s.add(Field::string("vm_name")
              .withDefault("packer-<BUILDNAME>")
              .withHelp("The name of the virtual machine. This represents the name of the "
                        "virtual machine .vmx configuration file without the file extension."));
    s.add(Field::path("vmx_disk_template_path", PathKind::File)
              .withHelp("The path to a configuration template for defining the contents of a "
                        "virtual machine .vmx configuration file for a virtual disk."));
    s.add(Field::path("vmx_template_path", PathKind::File)
              .withHelp("The path to a configuration template for defining the contents of a "
                        "virtual machine .vmx configuration file."));
    s.add(Field::string("snapshot_name")
              .withHelp("The name of the virtual machine snapshot to be created. If this field "
                        "is left empty, no snapshot will be created."));
    s.add(Field::boolean("vhv_enabled")
              .withDefault("false")
              .withHelp("Enable virtual hardware-assisted virtualization for the virtual "
                        "machine. Defaults to false."));
    s.add(vmwareLegacyEsxiFields());

    ComponentDescriptor d;
    d.kind = ComponentKind::Builder;
    d.typeName = "vmware-iso";
    d.displayName = "VMware ISO";
    d.description = "Creates a VMware virtual machine from an ISO and exports it.";
    d.iconName = "builder-vmware";
    d.schema = s;
    return d;
}

} // namespace kiln::components
