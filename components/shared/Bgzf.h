#pragma once

#include "components/shared/BlockPipeline.h"
#include "components/shared/ByteStream.h"

namespace kiln::components {

// Blocked GNU Zip Format (SAM/BAM's BGZF, Packer's "bgzf"): a series of gzip members of at
// most 64 KiB each, every one tagged with its size in a "BC" extra field, followed by the
// standard empty end-of-file block. Members are independent, so they are compressed on all
// cores. Any gzip reader decompresses the result.
class Bgzf : public ByteStream
{
public:
    // Uncompressed bytes per member: leaves room for deflate's worst case within 64 KiB.
    static constexpr qsizetype BlockSize = 0xff00;

    Bgzf(ByteStream &out, int level, int threads = 0);

    bool write(const char *data, qsizetype size) override;
    bool finish() override;
    QString errorString() const override { return m_error; }

private:
    bool submitBlock();

    ByteStream &m_out;
    int m_level;
    QByteArray m_block;
    QString m_error;
    BlockPipeline m_pipeline;
};

} // namespace kiln::components
