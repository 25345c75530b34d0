#pragma once

#include "components/shared/ShellLocalSettings.h"
#include "engine/build/PostProcessor.h"

namespace kiln::components {

// Packer's `shell-local` post-processor: runs commands or scripts on the host with the
// artifact's generated data, then passes the artifact on unchanged. It always keeps its
// input (keep and forceOverride): dropping it would lose the artifact it returns.
class ShellLocalPostProcessor : public build::PostProcessor
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::PostProcessResult postProcess(
        build::BuildContext &ctx, const build::ArtifactPtr &input) override;

private:
    ShellLocalPostProcessorSettings m_settings;
};

} // namespace kiln::components
