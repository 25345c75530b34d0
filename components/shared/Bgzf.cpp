#include "components/shared/Bgzf.h"

#include "components/shared/DeflateChunk.h"

#include <QThread>
#include <cstring>

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
    r.data.resize(kHeaderSize);
    r.error = DeflateChunk::compress(in.constData(), in.size(), level, true, r.data);
    if (!r.error.isEmpty())
        return r;
    const qsizetype deflated = r.data.size() - kHeaderSize;
    const qsizetype total = kHeaderSize + deflated + kTrailerSize;
    if (total > 0x10000) {
        r.error = QStringLiteral("bgzf: block of %1 bytes exceeds 64 KiB").arg(total);
        return r;
    }
    r.data.resize(total);
    char *p = r.data.data();
    const char fixed[16] = {'\x1f', '\x8b', 8, 4, 0, 0, 0, 0, 0, '\xff', 6, 0, 'B', 'C', 2, 0};
    memcpy(p, fixed, 16);
    putLE16(p + 16, quint32(total - 1));
    putLE32(p + kHeaderSize + deflated, DeflateChunk::crc32(0, in.constData(), in.size()));
    putLE32(p + kHeaderSize + deflated + 4, quint32(in.size()));
    return r;
}

} // namespace

Bgzf::Bgzf(ByteStream &out, int level, int threads)
    : m_out(out)
    , m_level(level < 1 || level > 9 ? 6 : level)
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
