#pragma once

#include "components/shared/BlockPipeline.h"
#include "components/shared/ByteStream.h"

namespace kiln::components {

// A gzip compressor that uses every core, as pigz does: the input is cut into blocks, each
// block is deflated on a thread pool as raw deflate primed with the previous 32 KiB (so the
// ratio stays close to single-threaded gzip) and ended with a sync flush (so the pieces
// concatenate into one deflate stream); the block CRCs are combined with crc32_combine.
// The result is one ordinary gzip member that any gzip reads.
class ParallelGzip : public ByteStream
{
public:
    static constexpr qsizetype DefaultBlockSize = 128 * 1024;

    // `level` 1..9, or -1 for zlib's default (6). `threads` 0 means one per core.
    ParallelGzip(
        ByteStream &out, int level, int threads = 0, qsizetype blockSize = DefaultBlockSize);

    bool write(const char *data, qsizetype size) override;
    bool finish() override;
    QString errorString() const override { return m_error; }

private:
    bool submitBlock(bool last);
    bool consume(BlockPipeline::Result &r);

    ByteStream &m_out;
    int m_level;
    qsizetype m_blockSize;
    QByteArray m_block;
    QByteArray m_dictionary;
    quint32 m_crc = 0;
    quint64 m_totalIn = 0;
    bool m_headerWritten = false;
    QString m_error;
    BlockPipeline m_pipeline; // last: its destructor waits for jobs before the rest goes
};

} // namespace kiln::components
