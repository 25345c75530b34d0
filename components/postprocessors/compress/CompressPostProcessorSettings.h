#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"
#include "engine/template/legacy/InterpolateContext.h"

#include <QString>

namespace kiln::components {

// The compress post-processor's configuration (Packer's post-processor/compress Config):
// the output template, the level, and the archive and algorithm its name (or `format`)
// selects.
struct CompressPostProcessorSettings
{
    static constexpr const char *DefaultOutput = "packer_{{.BuildName}}_{{.BuilderType}}";

    // Packer's detectFromFilename: archive "tar", "zip" or empty, and algorithm "pgzip",
    // "bgzf", "lz4", "xz", "bzip2", "zstd" or empty. zstd (".zst", ".zstd") is Kiln's addition.
    struct Detected
    {
        QString archive;
        QString algorithm;
    };
    static Detected detect(const QString &output, const QString &format);

    QString output;
    int level = -1; // -1: the algorithm's own default
    Detected detected;
    tmpl::legacy::InterpolateContext interpolation;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
