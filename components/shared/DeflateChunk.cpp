#include "components/shared/DeflateChunk.h"

#include "components/shared/DeflateStreamWalker.h"

#include <array>
#include <libdeflate.h>

namespace kiln::components {

namespace {

// Allocating a compressor costs more than compressing a small block, so each pool thread
// keeps one per level for its lifetime.
class CompressorCache
{
public:
    ~CompressorCache()
    {
        for (libdeflate_compressor *c : m_byLevel) {
            if (c)
                libdeflate_free_compressor(c);
        }
    }
    libdeflate_compressor *get(int level)
    {
        libdeflate_compressor *&c = m_byLevel[size_t(level)];
        if (!c)
            c = libdeflate_alloc_compressor(level);
        return c;
    }

private:
    std::array<libdeflate_compressor *, 13> m_byLevel{};
};

thread_local CompressorCache t_compressors;

} // namespace

QString DeflateChunk::compress(
    const char *data, qsizetype size, int level, bool final, QByteArray &out)
{
    libdeflate_compressor *compressor = t_compressors.get(qBound(1, level, 12));
    if (!compressor)
        return QStringLiteral("libdeflate: out of memory");
    const qsizetype start = out.size();
    const size_t bound = libdeflate_deflate_compress_bound(compressor, size_t(size));
    // Room for the empty stored block a non-final piece gets: at most one more byte for its
    // header bits, then LEN and NLEN.
    out.resize(start + qsizetype(bound) + 8);
    auto *p = reinterpret_cast<uchar *>(out.data() + start);
    const size_t written = libdeflate_deflate_compress(compressor, data, size_t(size), p, bound);
    if (written == 0) {
        out.resize(start);
        return QStringLiteral("libdeflate: compression failed");
    }
    if (final) {
        out.resize(start + qsizetype(written));
        return {};
    }
    const DeflateStreamWalker::Result walk = DeflateStreamWalker::walk(p, qsizetype(written));
    if (!walk.ok || (walk.endBit + 7) / 8 != qint64(written)) {
        out.resize(start);
        return QStringLiteral("deflate: cannot find the end of a compressed block");
    }
    p[walk.finalHeaderBit / 8] &= uchar(~(1u << (walk.finalHeaderBit % 8)));
    // Whatever libdeflate padded the last byte with becomes the stored block's header
    // bits, which must be zero (not final, type 00).
    const qsizetype lastByte = qsizetype(walk.endBit / 8);
    if (walk.endBit % 8)
        p[lastByte] &= uchar((1u << (walk.endBit % 8)) - 1);
    const qsizetype aligned = qsizetype((walk.endBit + 3 + 7) / 8);
    if (aligned > qsizetype(written))
        p[written] = 0;
    p[aligned] = 0;
    p[aligned + 1] = 0;
    p[aligned + 2] = 0xff;
    p[aligned + 3] = 0xff;
    out.resize(start + aligned + 4);
    return {};
}

quint32 DeflateChunk::crc32(quint32 crc, const char *data, qsizetype size)
{
    return quint32(libdeflate_crc32(crc, data, size_t(size)));
}

} // namespace kiln::components
