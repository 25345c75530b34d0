#pragma once

#include "components/shared/ParallelDeflate.h"

namespace kiln::components {

// A gzip compressor that uses every core, as pigz does: a gzip header, the ParallelDeflate
// stream and the trailer with the combined CRC. The result is one ordinary gzip member
// (not a series of members, which some readers stop after), so `gzip -l` shows the real
// size and every gzip reader reads it.
class ParallelGzip : public ByteStream
{
public:
    static constexpr qsizetype DefaultBlockSize = ParallelDeflate::DefaultBlockSize;

    // `level` 1..9, or -1 for gzip's default (6). `threads` 0 means one per core.
    ParallelGzip(
        ByteStream &out, int level, int threads = 0, qsizetype blockSize = DefaultBlockSize);

    bool write(const char *data, qsizetype size) override;
    bool finish() override;
    QString errorString() const override;

private:
    bool writeHeader();

    ByteStream &m_out;
    bool m_headerWritten = false;
    QString m_error;
    ParallelDeflate m_deflate;
};

} // namespace kiln::components
