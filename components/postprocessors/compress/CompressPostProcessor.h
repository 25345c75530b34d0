#pragma once

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
    static constexpr const char *DefaultOutput = "packer_{{.BuildName}}_{{.BuilderType}}";

    // Packer's detectFromFilename: archive "tar", "zip" or empty, and algorithm "pgzip",
    // "bgzf", "lz4", "xz", "bzip2", "zstd" or empty. zstd (".zst", ".zstd") is Kiln's addition.
    struct Detected
    {
        QString archive;
        QString algorithm;
    };
    static Detected detect(const QString &output, const QString &format);

    const Detected &detected() const { return m_detected; }
    int level() const { return m_level; }

private:
    QString compress(build::BuildContext &ctx, const QStringList &files, const QString &target);
    // Streams one file into `out`; `advance` gets each chunk's size and returns false to stop.
    static bool copyFile(const QString &path, ByteStream &out,
        const std::function<bool(qint64)> &advance, QString *error);

    QString m_output;
    int m_level = -1;
    Detected m_detected;
    tmpl::legacy::InterpolateContext m_interpolation;
};

} // namespace kiln::components
