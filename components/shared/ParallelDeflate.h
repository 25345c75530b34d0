#pragma once

#include "components/shared/BlockPipeline.h"
#include "components/shared/ByteStream.h"

namespace kiln::components {

// A raw deflate stream (RFC 1951) compressed on every core, as pigz does: the input is cut
// into blocks, each deflated on a thread pool with libdeflate (DeflateChunk: two to three
// times zlib's speed at the same level) and ended with a sync flush, so the pieces
// concatenate in order into one stream. Also keeps the CRC-32 and sizes that gzip trailers
// and zip headers need (block CRCs combined with crc32_combine).
//
// Blocks are independent (libdeflate takes no preset dictionary), so they are larger than
// pigz's 128 KiB: at 1 MiB the ratio lost at each block start is far below what libdeflate
// gains over zlib, and the output stays smaller than `gzip -N`'s.
//
// Threading: one producer thread calls write()/finish(); `out` is written on that thread.
class ParallelDeflate : public ByteStream
{
public:
    static constexpr qsizetype DefaultBlockSize = 1024 * 1024;

    // `level` 1..9 as gzip's; anything else is gzip's default, 6. `threads` 0: one per core.
    ParallelDeflate(
        ByteStream &out, int level, int threads = 0, qsizetype blockSize = DefaultBlockSize);

    bool write(const char *data, qsizetype size) override;
    // Ends the stream (the last block carries the final bit) and waits for every block.
    bool finish() override;
    QString errorString() const override { return m_error; }

    // After a successful finish(): starts a new, independent stream on the same threads
    // (the next zip entry).
    void reset();

    int level() const { return m_level; }
    // Valid after finish(): CRC-32 of the input, input and output byte counts.
    quint32 crc() const { return m_crc; }
    quint64 totalIn() const { return m_totalIn; }
    quint64 totalOut() const { return m_totalOut; }

private:
    bool submitBlock(bool last);
    bool consume(BlockPipeline::Result &r);

    ByteStream &m_out;
    int m_level;
    qsizetype m_blockSize;
    QByteArray m_block;
    quint32 m_crc = 0;
    quint64 m_totalIn = 0;
    quint64 m_totalOut = 0;
    bool m_submitted = false; // a block went to the pool
    QString m_error;
    BlockPipeline m_pipeline; // last: its destructor waits for jobs before the rest goes
};

} // namespace kiln::components
