// Keys and types mirror the HCL2 spec of packer post-processor/checksum;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/postprocessors/checksum/ChecksumPostProcessorSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor checksumPostProcessorDescription()
{
    ConfigSchema s;
    s.add(Field::list("checksum_types", Field::elementOf(FieldType::String))
              .withDefault("[\"md5\"]")
              .withHelp("The checksum types to compute: md5, sha1, sha224, sha256, sha384 or "
                        "sha512. Defaults to md5."));
    s.add(Field::path("output", PathKind::File)
              .withDefault("packer_{{.BuildName}}_{{.BuilderType}}_{{.ChecksumType}}.checksum")
              .withHelp("The file the checksums are written to; a template with BuildName, "
                        "BuilderType and ChecksumType."));

    ComponentDescriptor d;
    d.kind = ComponentKind::PostProcessor;
    d.typeName = "checksum";
    d.displayName = "Checksum";
    d.description = "Computes checksums of the artifact files and writes them to a file.";
    d.iconName = "postprocessor-checksum";
    d.schema = s;
    d.settings = build::settingsReader<ChecksumPostProcessorSettings>();
    return d;
}

} // namespace kiln::components
