#pragma once

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
    static constexpr const char *DefaultOutput
        = "packer_{{.BuildName}}_{{.BuilderType}}_{{.ChecksumType}}.checksum";

private:
    QStringList m_types;
    QString m_output;
    tmpl::legacy::InterpolateContext m_interpolation;
};

} // namespace kiln::components
