// Keys and types mirror the HCL2 spec of packer-plugin-docker post-processor/docker-save;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/postprocessors/docker-save/DockerSavePostProcessorSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor dockerSavePostProcessorDescription()
{
    ConfigSchema s;
    s.add(Field::string("docker_path")
              .withDefault("docker")
              .withHelp("Sets the docker binary to use for running commands."));
    s.add(Field::path("path", PathKind::File)
              .withHelp("Path to the dockerfile to use for building the base image."));

    ComponentDescriptor d;
    d.kind = ComponentKind::PostProcessor;
    d.typeName = "docker-save";
    d.displayName = "Docker save";
    d.description = "Saves a Docker image to a tar file.";
    d.iconName = "postprocessor-docker";
    d.schema = s;
    d.settings = build::settingsReader<DockerSavePostProcessorSettings>();
    return d;
}

} // namespace kiln::components
