// Keys and types mirror the HCL2 spec of packer-plugin-docker post-processor/docker-import;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/postprocessors/docker-import/DockerImportPostProcessorSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor dockerImportPostProcessorDescription()
{
    ConfigSchema s;
    s.add(Field::string("docker_path")
              .withDefault("docker")
              .withHelp("Sets the docker binary to use for running commands."));
    s.add(Field::string("repository").withHelp("The repository of the image."));
    s.add(Field::string("tag").withHelp(
        "The tag for the imported image. By default this is not set."));
    s.add(Field::list("changes", Field::elementOf(FieldType::String))
              .withHelp("Dockerfile instructions to add to the commit. Example of instructions "
                        "are CMD, ENTRYPOINT, ENV, and EXPOSE."));
    s.add(Field::string("platform").withHelp("Set platform if server is multi-platform capable."));

    ComponentDescriptor d;
    d.kind = ComponentKind::PostProcessor;
    d.typeName = "docker-import";
    d.displayName = "Docker import";
    d.description = "Imports an exported container tarball as a Docker image.";
    d.iconName = "postprocessor-docker";
    d.schema = s;
    d.settings = build::settingsReader<DockerImportPostProcessorSettings>();
    return d;
}

} // namespace kiln::components
