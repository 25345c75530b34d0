// Keys and types mirror the HCL2 spec of packer-plugin-virtualbox builder/virtualbox/ovf;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor virtualboxOvfBuilderDescription()
{
    ConfigSchema s;
    s.add(httpConfigFields());
    s.add(floppyConfigFields());
    s.add(cdConfigFields());
    s.add(bootConfigFields());
    s.add(virtualboxExportConfigFields());
    s.add(virtualboxOutputConfigFields());
    s.add(virtualboxRunConfigFields());
    s.add(virtualboxCommConfigFields());
    s.add(virtualboxShutdownConfigFields());
    s.add(virtualboxVBoxManageConfigFields());
    s.add(virtualboxVBoxVersionConfigFields());
    s.add(virtualboxGuestAdditionsConfigFields());
    s.add(Field::string("checksum")
              .markRequired()
              .withHelp("The checksum for the source_path file. The type of the checksum is "
                        "specified within the checksum field as a prefix, ex: "
                        "\"md5:{$checksum}\"."));
    s.add(Field::list("import_flags", Field::elementOf(FieldType::String))
              .withHelp("Additional flags to pass to VBoxManage import. This can be used to add "
                        "additional command-line flags such as --eula-accept to accept a EULA in "
                        "the OVF."));
    s.add(Field::string("import_opts")
              .withHelp("Additional options to pass to the VBoxManage import. This can be useful "
                        "for passing keepallmacs or keepnatmacs options for existing ovf images."));
    s.add(Field::path("source_path", PathKind::File)
              .markRequired()
              .withHelp("The filepath or URL to an OVF or OVA file that acts as the source of "
                        "this build."));
    s.add(Field::string("target_path")
              .withHelp("The path where the OVA should be saved after download. By default, it "
                        "will go in the packer cache, with a hash of the original filename as "
                        "its name."));
    s.add(Field::string("vm_name")
              .withDefault("packer-BUILDNAME")
              .withHelp("This is the name of the OVF file for the new virtual machine, without "
                        "the file extension. By default this is packer-BUILDNAME, where "
                        "\"BUILDNAME\" is the name of the build."));
    s.add(Field::boolean("keep_registered")
              .withDefault("false")
              .withHelp("Set this to true if you would like to keep the VM registered with "
                        "virtualbox. Defaults to false."));
    s.add(Field::boolean("skip_export")
              .withDefault("false")
              .withHelp("Defaults to false. When enabled, Packer will not export the VM. Useful "
                        "if the build output is not the resultant image, but created inside the "
                        "VM."));

    ComponentDescriptor d;
    d.kind = ComponentKind::Builder;
    d.typeName = "virtualbox-ovf";
    d.displayName = "VirtualBox OVF";
    d.description = "Imports an existing OVF/OVA into VirtualBox, provisions it and exports it.";
    d.iconName = "builder-virtualbox";
    d.schema = s;
    return d;
}

} // namespace kiln::components
