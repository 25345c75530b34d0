#pragma once

#include "components/postprocessors/checksum/ChecksumPostProcessorSettings.h"
#include "engine/build/PostProcessor.h"

namespace kiln::components {

// Packer's checksum post-processor: writes `<hex>\t<basename>` lines for every artifact file
// and checksum type, appending to files named by the `output` template. Every file is read
// once whatever the number of types (FileHash).
class ChecksumPostProcessor : public build::PostProcessor
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::PostProcessResult postProcess(
        build::BuildContext &ctx, const build::ArtifactPtr &input) override;

    static constexpr const char *BuilderId = "packer.post-processor.checksum";

private:
    ChecksumPostProcessorSettings m_settings;
};

} // namespace kiln::components
