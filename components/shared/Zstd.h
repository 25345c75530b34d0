#pragma once

#include "components/shared/ByteStream.h"

#include <QByteArray>

struct ZSTD_CCtx_s;

namespace kiln::components {

// A zstd compressor using libzstd's own multi-threaded mode (ZSTD_c_nbWorkers), so it
// uses every core; the output is one standard frame that `zstd -d` reads.
class Zstd : public ByteStream
{
public:
    // `level` as zstd's (1..19); -1 or 0 selects zstd's default (3). `threads` 0: one per core.
    Zstd(ByteStream &out, int level, int threads = 0);
    ~Zstd() override;
    Zstd(const Zstd &) = delete;
    Zstd &operator=(const Zstd &) = delete;

    bool write(const char *data, qsizetype size) override;
    bool finish() override;
    QString errorString() const override { return m_error; }

private:
    bool pump(const char *data, qsizetype size, bool end);

    ByteStream &m_out;
    ZSTD_CCtx_s *m_ctx = nullptr;
    QByteArray m_buffer;
    QString m_error;
};

} // namespace kiln::components
