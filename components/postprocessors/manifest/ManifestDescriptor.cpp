// Keys and types mirror the HCL2 spec of packer post-processor/manifest;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/postprocessors/manifest/ManifestPostProcessorSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor manifestPostProcessorDescription()
{
    ConfigSchema s;
    s.add(Field::path("output", PathKind::File)
              .withDefault("packer-manifest.json")
              .withHelp("The manifest will be written to this file. This defaults to "
                        "packer-manifest.json."));
    s.add(Field::boolean("strip_path")
              .withDefault("false")
              .withHelp("Write only filename without the path to the manifest file. This "
                        "defaults to false."));
    s.add(Field::boolean("strip_time")
              .withHelp("If true, leave the build_time field out of the manifest."));
    s.add(Field::map("custom_data", Field::elementOf(FieldType::String))
              .withHelp("Arbitrary data to add to the manifest. This is a template engine. "
                        "Therefore, you may use user variables and template functions in this "
                        "field."));

    ComponentDescriptor d;
    d.kind = ComponentKind::PostProcessor;
    d.typeName = "manifest";
    d.displayName = "Manifest";
    d.description = "Writes a JSON manifest listing the artifacts produced by the build.";
    d.iconName = "postprocessor-manifest";
    d.schema = s;
    d.settings = build::settingsReader<ManifestPostProcessorSettings>();
    return d;
}

} // namespace kiln::components
