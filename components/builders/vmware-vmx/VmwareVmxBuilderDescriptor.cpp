// Keys and types mirror the HCL2 spec of packer-plugin-vmware builder/vmware/vmx;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor vmwareVmxBuilderDescription()
{
    ConfigSchema s;
    s.add(httpConfigFields());
    s.add(floppyConfigFields());
    s.add(vncBootConfigFields());
    s.add(cdConfigFields());
    s.add(vmwareDriverConfigFields());
    s.add(vmwareOutputConfigFields());
    s.add(vmwareRunConfigFields());
    s.add(shutdownConfigFields());
    s.add(vmwareSSHConfigFields());
    s.add(vmwareToolsConfigFields());
    s.add(vmwareVMXConfigFields());
    s.add(vmwareExportConfigFields());
    s.add(vmwareDiskConfigFields());
    s.add(Field::enumeration("cdrom_adapter_type", {"ide", "sata", "scsi"})
              .withHelp("The type of controller to use for the CD-ROM device. Allowed values are "
                        "ide, sata, and scsi."));
    s.add(Field::boolean("linked").withDefault("false").withHelp(
        "By default, the plugin creates a 'full' clone of the virtual machine "
        "specified in source_path."));
    s.add(Field::string("attach_snapshot")
              .withHelp("The name of an existing snapshot to which the builder shall attach the "
                        "virtual machine before powering on."));
    s.add(Field::path("source_path", PathKind::File)
              .markRequired()
              .withHelp("Path to the source .vmx, .ovf, or .ova file to clone."));
    s.add(Field::string("vm_name")
              .withDefault("packer-BUILDNAME")
              .withHelp("This is the name of the .vmx file for the virtual machine, without the "
                        "file extension. By default, this is packer-BUILDNAME, where BUILDNAME "
                        "is the name of the build."));
    s.add(Field::string("snapshot_name")
              .withHelp("This is the name of the initial snapshot created after provisioning and "
                        "cleanup. If blank, no snapshot is created."));
    s.add(Field::string("guest_os_type")
              .withHelp("The guest operating system identifier for the virtual machine."));
    s.add(Field::number("version").withDefault("21").withHelp(
        "The virtual machine hardware version. Refer to KB 315655 for more "
        "information on supported virtual hardware versions."));
    s.add(vmwareLegacyEsxiFields());

    ComponentDescriptor d;
    d.kind = ComponentKind::Builder;
    d.typeName = "vmware-vmx";
    d.displayName = "VMware VMX";
    d.description = "Clones an existing VMware virtual machine (.vmx), provisions it and "
                    "exports it.";
    d.iconName = "builder-vmware";
    d.schema = s;
    return d;
}

} // namespace kiln::components
