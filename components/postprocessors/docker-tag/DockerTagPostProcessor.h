#pragma once

#include "components/postprocessors/docker-tag/DockerTagPostProcessorSettings.h"
#include "engine/build/PostProcessor.h"

namespace kiln::components {

// Packer's docker-tag: tags the image of a committing docker build or docker-import as
// repository:tag for each of `tags` (or as `repository` alone).
class DockerTagPostProcessor : public build::PostProcessor
{
public:
    static constexpr const char *builderId = "packer.post-processor.docker-tag";

    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::PostProcessResult postProcess(
        build::BuildContext &ctx, const build::ArtifactPtr &input) override;

private:
    DockerTagPostProcessorSettings m_settings;
};

} // namespace kiln::components
