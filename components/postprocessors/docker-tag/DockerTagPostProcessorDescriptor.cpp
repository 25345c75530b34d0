// Keys and types mirror the HCL2 spec of packer-plugin-docker post-processor/docker-tag;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/postprocessors/docker-tag/DockerTagPostProcessorSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor dockerTagPostProcessorDescription()
{
    ConfigSchema s;
    s.add(Field::string("docker_path")
              .withDefault("docker")
              .withHelp("Sets the docker binary to use for running commands."));
    s.add(Field::string("repository").withHelp("The repository of the image."));
    s.add(Field::list("tag", Field::elementOf(FieldType::String))
              .markDeprecated()
              .withHelp("Kept for backwards compatibility."));
    s.add(Field::list("tags", Field::elementOf(FieldType::String))
              .withHelp("A list of tags for the image. By default this is not set. Example of "
                        "declaration: \"tags\": [\"mytag-1\", \"mytag-2\"]."));
    s.add(Field::boolean("force").withDefault("false").withHelp(
        "If true, this post-processor forcibly tag the image even if tag name is "
        "collided. Default to false."));

    ComponentDescriptor d;
    d.kind = ComponentKind::PostProcessor;
    d.typeName = "docker-tag";
    d.displayName = "Docker tag";
    d.description = "Tags a Docker image in the local daemon.";
    d.iconName = "postprocessor-docker";
    d.schema = s;
    d.settings = build::settingsReader<DockerTagPostProcessorSettings>();
    return d;
}

} // namespace kiln::components
