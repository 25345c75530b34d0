// Keys and types mirror the HCL2 spec of packer-plugin-docker builder/docker;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/builders/docker/DockerBuilderSettings.h"
#include "components/shared/SharedSchemas.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

namespace {

ConfigSchema dockerfileBootstrapConfigSchema()
{
    ConfigSchema s;
    s.add(Field::path("path", PathKind::File)
              .markRequired()
              .withHelp("Path to the dockerfile to use for building the base image."));
    s.add(Field::path("build_dir", PathKind::Directory)
              .withHelp("Directory to invoke docker build from."));
    s.add(Field::map("arguments", Field::elementOf(FieldType::String))
              .withHelp("A mapping of additional build args to provide. The key of the object is "
                        "the argument name, the value is the argument value."));
    s.add(Field::boolean("pull").withDefault("true").withHelp(
        "Pull the image when building the base docker image."));
    s.add(Field::boolean("compress")
              .withHelp("Compress the build context before sending to the docker daemon."));
    return s;
}

} // namespace

ComponentDescriptor dockerBuilderDescription()
{
    ConfigSchema s;
    s.add(communicatorFields());
    s.add(Field::block("build", dockerfileBootstrapConfigSchema(), false)
              .withHelp("Configuration for a bootstrap image derived from a Dockerfile."));
    s.add(Field::string("author").withHelp("Set the author (e-mail) of a commit."));
    s.add(Field::list("changes", Field::elementOf(FieldType::String))
              .withHelp("Dockerfile instructions to add to the commit. Example of instructions "
                        "are CMD, ENTRYPOINT, ENV, and EXPOSE."));
    s.add(Field::boolean("commit").withHelp(
        "If true, the container will be committed to an image rather than "
        "exported. Default false. If commit is false, then either discard must "
        "be set to true or an export_path must be provided."));
    s.add(Field::string("container_dir")
              .withHelp("The directory inside container to mount temp directory from host server "
                        "for work file provisioner."));
    s.add(Field::list("device", Field::elementOf(FieldType::String))
              .withHelp("An array of devices which will be accessible in container when it's run "
                        "without --privileged flag."));
    s.add(Field::boolean("discard").withHelp(
        "Throw away the container when the build is complete. This is useful for "
        "the artifice post-processor."));
    s.add(Field::list("cap_add", Field::elementOf(FieldType::String))
              .withHelp("An array of additional Linux capabilities to grant to the container."));
    s.add(Field::list("cap_drop", Field::elementOf(FieldType::String))
              .withHelp("An array of Linux capabilities to drop from the container."));
    s.add(Field::string("docker_path")
              .withDefault("docker")
              .withHelp("Sets the docker binary to use for running commands."));
    s.add(Field::string("exec_user")
              .withHelp("Username (UID) to run remote commands with. You can also set the group "
                        "name/ID if you want: (UID or UID:GID)."));
    s.add(Field::path("export_path", PathKind::File)
              .withHelp("The path where the final container will be exported as a tar file."));
    s.add(Field::string("image").withHelp(
        "The base image for the Docker container that will be started. This "
        "image will be pulled from the Docker registry if it doesn't already "
        "exist."));
    s.add(Field::string("message").withHelp("Set a message for the commit."));
    s.add(Field::boolean("privileged")
              .withDefault("false")
              .withHelp("If true, run the docker container with the --privileged flag. This "
                        "defaults to false if not set."));
    s.add(Field::boolean("pty").withHelp(
        "If true, allocate a pseudo-TTY for the container (docker run -t)."));
    s.add(Field::string("runtime").withHelp(
        "Set the container runtime. A runtime different from the one installed "
        "by default with Docker (runc) must be installed and configured."));
    s.add(Field::boolean("pull").withDefault("true").withHelp(
        "If true, the configured image will be pulled using docker pull prior to "
        "use. Otherwise, it is assumed the image already exists and can be used."));
    s.add(Field::list("run_command", Field::elementOf(FieldType::String))
              .withHelp("An array of arguments to pass to docker run in order to run the "
                        "container."));
    s.add(Field::list("tmpfs", Field::elementOf(FieldType::String))
              .withHelp("An array of additional tmpfs volumes to mount into this container."));
    s.add(Field::map("volumes", Field::elementOf(FieldType::String))
              .withHelp("A mapping of additional volumes to mount into this container. The key "
                        "of the object is the host path, the value is the container path."));
    s.add(Field::boolean("fix_upload_owner")
              .withDefault("true")
              .withHelp("If true, files uploaded to the container will be owned by the user the "
                        "container is running as."));
    s.add(Field::boolean("windows_container")
              .withHelp("If \"true\", tells Packer that you are building a Windows container "
                        "running on a windows host."));
    s.add(Field::string("platform").withHelp("Set platform if server is multi-platform capable."));
    s.add(Field::boolean("login").withHelp(
        "This is used to login to a private docker repository (e.g., dockerhub) "
        "to build or pull a private base container."));
    s.add(Field::string("login_password")
              .markSensitive()
              .withHelp("The password to use to authenticate to login."));
    s.add(Field::string("login_server").withHelp("The server address to login to."));
    s.add(
        Field::string("login_username").withHelp("The username to use to authenticate to login."));
    s.add(Field::boolean("ecr_login")
              .withDefault("false")
              .withHelp("Defaults to false. If true, the builder will login in order to build or "
                        "pull the image from Amazon EC2 Container Registry (ECR)."));
    s.add(Field::string("aws_access_key")
              .withHelp("The AWS access key used to communicate with AWS."));
    s.add(Field::string("aws_secret_key")
              .markSensitive()
              .withHelp("The AWS secret key used to communicate with AWS."));
    s.add(Field::string("aws_token")
              .markSensitive()
              .withHelp("The AWS access token to use. This is different from the access key and "
                        "secret key. If you're not sure what this is, then you probably don't "
                        "need it."));
    s.add(Field::string("aws_profile")
              .withHelp("The AWS shared credentials profile used to communicate with AWS."));
    s.add(Field::boolean("aws_force_use_public_ecr")
              .withHelp("The flag to identify whether to push docker image to Public _or_ "
                        "Private ECR. If the user sets this to true from the config, we will "
                        "forcefully try to push to Public ECR otherwise set this from code based "
                        "on the given LoginServer value."));
    s.exactlyOneOf({"image", "build"},
        "missing 'image' attribute or 'build' section, either needs to be specified for a build "
        "to run.",
        "`image` cannot be specified with a build config");
    s.exactlyOneOf({"commit", "discard", "export_path"},
        "No instructions given for handling the artifact; expected commit, discard, or "
        "export_path",
        "Cannot specify more than one of commit, discard, and export_path");
    // The docker builder adds its own communicators and defaults to "docker".
    s.replace(Field::enumeration(
        "communicator", {"docker", "dockerWindowsContainer", "ssh", "winrm", "none"})
                  .withDefault("docker")
                  .withHelp("How Packer reaches the container: docker (docker exec), "
                            "dockerWindowsContainer, ssh, winrm or none."));

    ComponentDescriptor d;
    d.kind = ComponentKind::Builder;
    d.typeName = "docker";
    d.displayName = "Docker";
    d.description = "Starts a Docker container, provisions it, then commits, exports or "
                    "discards it.";
    d.iconName = "builder-docker";
    d.schema = s;
    d.settings = build::settingsReader<DockerBuilderSettings>();
    return d;
}

} // namespace kiln::components
