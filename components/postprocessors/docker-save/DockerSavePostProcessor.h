#pragma once

#include "components/postprocessors/docker-save/DockerSavePostProcessorSettings.h"
#include "engine/build/PostProcessor.h"

namespace kiln::components {

// Packer's docker-save: writes the image of a docker-import or docker-tag artifact to
// `path` as `docker save` does (a tar `docker load` reads), and passes the artifact on.
class DockerSavePostProcessor : public build::PostProcessor
{
public:
    static constexpr const char *builderId = "packer.post-processor.docker-save";

    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::PostProcessResult postProcess(
        build::BuildContext &ctx, const build::ArtifactPtr &input) override;

private:
    DockerSavePostProcessorSettings m_settings;
};

} // namespace kiln::components
