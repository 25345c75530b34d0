#include "components/shared/Bgzf.h"

#include <QThread>
#include <zlib.h>

namespace kiln::components {

namespace {

constexpr int kHeaderSize = 18;
constexpr int kTrailerSize = 8;

void putLE16(char *p, quint32 v)
{
    p[0] = char(v & 0xff);
    p[1] = char((v >> 8) & 0xff);
}

void putLE32(char *p, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = char((v >> (8 * i)) & 0xff);
}

// A complete BGZF member: gzip header with the BC extra field, raw deflate, CRC and size.
BlockPipeline::Result compressMember(const QByteArray &in, int level)
{
    BlockPipeline::Result r;
    r.inputSize = in.size();
    z_stream s{};
    if (deflateInit2(&s, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        r.error = QStringLiteral("zlib: cannot initialise deflate");
        return r;
    }
    const qsizetype bound = qsizetype(deflateBound(&s, uLong(in.size())));
    r.data.resize(kHeaderSize + bound + kTrailerSize);
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    s.avail_in = uInt(in.size());
    s.next_out = reinterpret_cast<Bytef *>(r.data.data() + kHeaderSize);
    s.avail_out = uInt(bound);
    const int rc = deflate(&s, Z_FINISH);
    const qsizetype deflated = bound - s.avail_out;
    deflateEnd(&s);
    if (rc != Z_STREAM_END) {
        r.error = QStringLiteral("zlib: deflate failed (%1)").arg(rc);
        return r;
    }
    const qsizetype total = kHeaderSize + deflated + kTrailerSize;
    if (total > 0x10000) {
        r.error = QStringLiteral("bgzf: block of %1 bytes exceeds 64 KiB").arg(total);
        return r;
    }
    char *p = r.data.data();
    const char fixed[16] = {'\x1f', '\x8b', 8, 4, 0, 0, 0, 0, 0, '\xff', 6, 0, 'B', 'C', 2, 0};
    memcpy(p, fixed, 16);
    putLE16(p + 16, quint32(total - 1));
    const quint32 crc
        = quint32(crc32_z(0, reinterpret_cast<const Bytef *>(in.constData()), size_t(in.size())));
    putLE32(p + kHeaderSize + deflated, crc);
    putLE32(p + kHeaderSize + deflated + 4, quint32(in.size()));
    r.data.resize(total);
    return r;
}

} // namespace

Bgzf::Bgzf(ByteStream &out, int level, int threads)
    : m_out(out)
    , m_level(level < 1 || level > 9 ? Z_DEFAULT_COMPRESSION : level)
    , m_pipeline(
          threads > 0 ? threads : QThread::idealThreadCount(), [this](BlockPipeline::Result &r) {
              if (m_out.write(r.data.constData(), r.data.size()))
                  return true;
              m_error = m_out.errorString();
              return false;
          })
{
    m_block.reserve(BlockSize);
}

bool Bgzf::write(const char *data, qsizetype size)
{
    while (size > 0) {
        const qsizetype take = qMin(size, BlockSize - m_block.size());
        m_block.append(data, take);
        data += take;
        size -= take;
        if (m_block.size() == BlockSize && !submitBlock())
            return false;
    }
    return true;
}

bool Bgzf::finish()
{
    if ((!m_block.isEmpty() && !submitBlock()) || !m_pipeline.drain()) {
        if (m_error.isEmpty())
            m_error = m_pipeline.error();
        return false;
    }
    // The empty member that marks a complete file (SAM specification, section 4.1.2).
    static const char eof[28] = {'\x1f', '\x8b', 8, 4, 0, 0, 0, 0, 0, '\xff', 6, 0, 'B', 'C', 2, 0,
        0x1b, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    if (!m_out.write(eof, sizeof eof)) {
        m_error = m_out.errorString();
        return false;
    }
    return true;
}

bool Bgzf::submitBlock()
{
    QByteArray block = std::move(m_block);
    m_block = QByteArray();
    m_block.reserve(BlockSize);
    const int level = m_level;
    if (m_pipeline.submit([block, level] { return compressMember(block, level); }))
        return true;
    if (m_error.isEmpty())
        m_error = m_pipeline.error();
    return false;
}

} // namespace kiln::components
