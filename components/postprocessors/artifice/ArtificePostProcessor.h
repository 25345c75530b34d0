#pragma once

#include "components/postprocessors/artifice/ArtificePostProcessorSettings.h"
#include "engine/build/PostProcessor.h"

namespace kiln::components {

// Packer's artifice post-processor: replaces the build's artifact with the files the
// template names (glob patterns, expanded when the post-processor runs), so that later
// post-processors work on files a provisioner downloaded.
class ArtificePostProcessor : public build::PostProcessor
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::PostProcessResult postProcess(
        build::BuildContext &ctx, const build::ArtifactPtr &input) override;

    static constexpr const char *BuilderId = "packer.post-processor.artifice";

    // filepath.Glob: the matches of one pattern in lexical order; a pattern without
    // wildcards matches itself if it exists. Leading dots are matched by `*` too.
    static QStringList glob(const QString &pattern, QString *error);

private:
    ArtificePostProcessorSettings m_settings;
};

} // namespace kiln::components
