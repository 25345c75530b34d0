// Keys and types mirror the HCL2 spec of packer post-processor/artifice;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/postprocessors/artifice/ArtificePostProcessorSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor artificePostProcessorDescription()
{
    ConfigSchema s;
    s.add(Field::list("files", Field::path({}, PathKind::FileOrDirectory))
              .withHelp("The files that make up the new artifact, replacing the artifact of the "
                        "build."));
    s.add(Field::boolean("keep_input_artifact")
              .withHelp("If true, keep the artifact produced by the builder instead of "
                        "discarding it."));

    ComponentDescriptor d;
    d.kind = ComponentKind::PostProcessor;
    d.typeName = "artifice";
    d.displayName = "Artifice";
    d.description = "Replaces the artifact with a set of files of your choosing.";
    d.iconName = "postprocessor-artifice";
    d.schema = s;
    d.settings = build::settingsReader<ArtificePostProcessorSettings>();
    return d;
}

} // namespace kiln::components
