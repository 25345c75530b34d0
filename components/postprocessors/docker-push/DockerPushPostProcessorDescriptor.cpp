// Keys and types mirror the HCL2 spec of packer-plugin-docker post-processor/docker-push;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/postprocessors/docker-push/DockerPushPostProcessorSettings.h"
#include "components/shared/SharedSchemas.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor dockerPushPostProcessorDescription()
{
    ConfigSchema s;
    s.add(Field::string("docker_path")
              .withDefault("docker")
              .withHelp("Sets the docker binary to use for running commands."));
    s.add(Field::boolean("login").withHelp(
        "This is used to login to a private docker repository (e.g., dockerhub) "
        "to build or pull a private base container."));
    s.add(
        Field::string("login_username").withHelp("The username to use to authenticate to login."));
    s.add(Field::string("login_password")
              .markSensitive()
              .withHelp("The password to use to authenticate to login."));
    s.add(Field::string("login_server").withHelp("The server address to login to."));
    s.add(Field::boolean("ecr_login")
              .withDefault("false")
              .withHelp("Defaults to false. If true, the builder will login in order to build or "
                        "pull the image from Amazon EC2 Container Registry (ECR)."));
    s.add(Field::string("platform").withHelp("Set platform if server is multi-platform capable."));
    s.add(dockerAwsAccessConfigFields());

    ComponentDescriptor d;
    d.kind = ComponentKind::PostProcessor;
    d.typeName = "docker-push";
    d.displayName = "Docker push";
    d.description = "Pushes a Docker image to a registry.";
    d.iconName = "postprocessor-docker";
    d.schema = s;
    d.settings = build::settingsReader<DockerPushPostProcessorSettings>();
    return d;
}

} // namespace kiln::components
