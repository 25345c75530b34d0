#pragma once

#include "components/postprocessors/docker-push/DockerPushPostProcessorSettings.h"
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
    DockerPushPostProcessorSettings m_settings;
};

} // namespace kiln::components
