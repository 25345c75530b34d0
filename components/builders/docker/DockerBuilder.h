#pragma once

#include "components/builders/docker/DockerBuilderSettings.h"
#include "engine/build/Builder.h"

namespace kiln::components {

// Packer's docker builder over the Engine API: starts a container from `image`, has it
// provisioned through the docker communicator (or ssh/none), then commits it to an image,
// exports its filesystem to export_path, or discards it. The daemon is found through
// DOCKER_HOST as the docker CLI finds it.
class DockerBuilder : public build::Builder
{
public:
    static constexpr const char *builderId = "packer.docker";
    // A committed image is reported as docker-import's artifact, as Packer does, so
    // docker-tag/-push/-save accept it.
    static constexpr const char *importBuilderId = "packer.post-processor.docker-import";

    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::ArtifactPtr run(build::BuildContext &ctx) override;

private:
    DockerBuilderSettings m_settings;
};

} // namespace kiln::components
