#pragma once

#include "components/builders/docker/DockerBuilderSettings.h"
#include "components/shared/docker/DockerClient.h"

#include <QString>

namespace kiln::components {

// What the docker builder's steps share within one run (Packer keeps these in its state
// bag as "temp_dir", "container_id", "image_id"): one object owned by the builder's run,
// handed to each step, so no step looks values up by string.
struct DockerBuildState
{
    DockerBuilderSettings settings;
    docker::DockerClient client;
    QString tempDir;
    QString containerId;
    QString imageId;
};

} // namespace kiln::components
