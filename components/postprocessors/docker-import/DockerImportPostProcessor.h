#pragma once

#include "components/postprocessors/docker-import/DockerImportPostProcessorSettings.h"
#include "engine/build/PostProcessor.h"

namespace kiln::components {

// Packer's docker-import: turns the tarball of a docker build with export_path (or an
// artifice artifact) into an image in the daemon, streamed to POST /images/create.
class DockerImportPostProcessor : public build::PostProcessor
{
public:
    static constexpr const char *builderId = "packer.post-processor.docker-import";

    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::PostProcessResult postProcess(
        build::BuildContext &ctx, const build::ArtifactPtr &input) override;

private:
    DockerImportPostProcessorSettings m_settings;
};

} // namespace kiln::components
