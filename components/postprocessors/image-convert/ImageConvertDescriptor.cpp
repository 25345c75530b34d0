// Kiln's own post-processor (no Packer counterpart): keys follow Packer's naming habits
// (output_directory, vm_name, keep_input_artifact from the common post-processor fields).

#include "components/Descriptions.h"
#include "components/postprocessors/image-convert/ImageConvertSettings.h"
#include "components/postprocessors/image-convert/VmdkSubformats.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor imageConvertPostProcessorDescription()
{
    ConfigSchema s;
    s.add(Field::list("formats", Field::elementOf(FieldType::String))
              .markRequired()
              .withHelp("The disk formats to write, in order: vmdk (VMware), vhdx (Hyper-V), vdi "
                        "(VirtualBox), "
                        "raw, qcow2."));
    s.add(Field::path("output_directory", PathKind::Directory)
              .withDefault("output-{{.BuildName}}-converted")
              .withHelp(
                  "Where the converted images are written; must not exist (unless -force). Removed "
                  "again when a conversion fails."));
    s.add(Field::string("vm_name").withHelp(
        "Base name of the output files; defaults to the input disk's name without extension."));
    s.add(Field::enumeration("vmdk_subformat", vmdkSubformatNames())
              .withDefault("streamOptimized")
              .withHelp(
                  "The vmdk variant qemu-img writes. streamOptimized is what OVF/OVA and vSphere "
                  "imports expect."));
    s.add(Field::enumeration("vmdk_adapter_type", {"lsilogic", "ide", "buslogic"})
              .withDefault("lsilogic")
              .withHelp("The disk controller recorded in the vmdk and in the OVF descriptor."));
    s.add(Field::enumeration("vhdx_subformat", {"dynamic", "fixed"})
              .withDefault("dynamic")
              .withHelp("A dynamically growing or a fully allocated vhdx."));
    s.add(Field::enumeration("vdi_subformat", {"dynamic", "fixed"})
              .withDefault("dynamic")
              .withHelp("A dynamically growing or a fully allocated (static) vdi."));
    s.add(Field::boolean("qcow2_compression")
              .withDefault("false")
              .withHelp("Compress the clusters of a qcow2 output (qemu-img convert -c)."));
    s.add(Field::boolean("ova").withDefault("true").withHelp(
        "With vmdk: also write an OVF descriptor, a SHA256 manifest and an OVA archive of "
        "the three."));
    s.add(Field::string("ovf_name")
              .withHelp("The VM's name in the OVF descriptor; defaults to vm_name."));
    s.add(
        Field::number("ovf_cpus").withDefault("1").withHelp("Virtual CPUs in the OVF descriptor."));
    s.add(Field::number("ovf_memory")
              .withDefault("1024")
              .withHelp("Memory in MB in the OVF descriptor."));

    ComponentDescriptor d;
    d.kind = ComponentKind::PostProcessor;
    d.typeName = "image-convert";
    d.displayName = "Image convert";
    d.description = "Converts a qcow2/raw disk image to vmdk (with OVF/OVA), vhdx, vdi, raw or "
                    "qcow2 with qemu-img.";
    d.iconName = "postprocessor-image-convert";
    d.schema = s;
    d.settings = build::settingsReader<ImageConvertSettings>();
    return d;
}

} // namespace kiln::components
