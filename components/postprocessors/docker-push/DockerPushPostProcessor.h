#pragma once

#include "components/shared/docker/DockerClient.h"
#include "engine/build/PostProcessor.h"

namespace kiln::components {

// Packer's docker-push: pushes the image named by a docker-import or docker-tag artifact,
// and each of its tags, to its registry (logging in first with `login`); records the
// pushed digest as generated data "Digest".
class DockerPushPostProcessor : public build::PostProcessor
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::PostProcessResult postProcess(
        build::BuildContext &ctx, const build::ArtifactPtr &input) override;

private:
    bool m_login = false;
    docker::RegistryAuth m_auth;
};

} // namespace kiln::components
