#pragma once

#include "components/postprocessors/compress/CompressPostProcessorSettings.h"
#include "engine/build/PostProcessor.h"

#include <functional>

namespace kiln::components {

class ByteStream;

// Packer's compress post-processor: packs the artifact's files into a tar or zip archive,
// or compresses its single file, with gzip, BGZF, lz4, xz, bzip2 or zstd. The format comes
// from `format` or the output's extension exactly as Packer reads it (".tar.gz", ".zip",
// ".gz", ...; tar+gzip when nothing matches; the name is never changed).
//
// gzip, BGZF, zip (libdeflate) and zstd use every core; the output only appears,
// atomically, once complete.
class CompressPostProcessor : public build::PostProcessor
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::PostProcessResult postProcess(
        build::BuildContext &ctx, const build::ArtifactPtr &input) override;

    static constexpr const char *BuilderId = "packer.post-processor.compress";

    // What prepare() read: the archive and algorithm, and the level.
    const CompressPostProcessorSettings::Detected &detected() const { return m_settings.detected; }
    int level() const { return m_settings.level; }

private:
    QString compress(build::BuildContext &ctx, const QStringList &files, const QString &target);
    // Streams one file into `out`; `advance` gets each chunk's size and returns false to stop.
    static bool copyFile(const QString &path, ByteStream &out,
        const std::function<bool(qint64)> &advance, QString *error);

    CompressPostProcessorSettings m_settings;
};

} // namespace kiln::components
