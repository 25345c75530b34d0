#include "components/shared/ParallelGzip.h"

#include <QThread>
#include <zlib.h>

namespace kiln::components {

namespace {

constexpr qsizetype kWindow = 32 * 1024;

void putLE32(char *p, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = char((v >> (8 * i)) & 0xff);
}

// One block as raw deflate: primed with the previous block's tail and ended with a sync
// flush (a byte-aligned empty stored block) unless it is the last, which gets the final
// bit. Concatenated in order the outputs form one valid deflate stream.
BlockPipeline::Result deflateBlock(
    const QByteArray &in, const QByteArray &dictionary, int level, bool last)
{
    BlockPipeline::Result r;
    r.inputSize = in.size();
    r.crc = quint32(crc32_z(0, reinterpret_cast<const Bytef *>(in.constData()), size_t(in.size())));
    z_stream s{};
    if (deflateInit2(&s, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        r.error = QStringLiteral("zlib: cannot initialise deflate");
        return r;
    }
    if (!dictionary.isEmpty())
        deflateSetDictionary(
            &s, reinterpret_cast<const Bytef *>(dictionary.constData()), uInt(dictionary.size()));
    // deflateBound covers Z_FINISH; a sync flush adds at most an empty stored block.
    r.data.resize(qsizetype(deflateBound(&s, uLong(in.size()))) + 16);
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    s.avail_in = uInt(in.size());
    s.next_out = reinterpret_cast<Bytef *>(r.data.data());
    s.avail_out = uInt(r.data.size());
    const int flush = last ? Z_FINISH : Z_SYNC_FLUSH;
    int rc = deflate(&s, flush);
    while (rc == Z_OK && (s.avail_in > 0 || s.avail_out == 0 || last)) {
        // Not expected with the bound above; grow and carry on rather than fail.
        const qsizetype used = r.data.size() - s.avail_out;
        r.data.resize(r.data.size() * 2);
        s.next_out = reinterpret_cast<Bytef *>(r.data.data() + used);
        s.avail_out = uInt(r.data.size() - used);
        rc = deflate(&s, flush);
    }
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
        r.error = QStringLiteral("zlib: deflate failed (%1)").arg(rc);
    r.data.resize(r.data.size() - s.avail_out);
    deflateEnd(&s);
    return r;
}

} // namespace

ParallelGzip::ParallelGzip(ByteStream &out, int level, int threads, qsizetype blockSize)
    : m_out(out)
    , m_level(level < 1 || level > 9 ? Z_DEFAULT_COMPRESSION : level)
    , m_blockSize(qMax<qsizetype>(blockSize, 1))
    , m_pipeline(threads > 0 ? threads : QThread::idealThreadCount(),
          [this](BlockPipeline::Result &r) { return consume(r); })
{
    m_block.reserve(m_blockSize);
}

bool ParallelGzip::write(const char *data, qsizetype size)
{
    while (size > 0) {
        const qsizetype take = qMin(size, m_blockSize - m_block.size());
        m_block.append(data, take);
        data += take;
        size -= take;
        if (m_block.size() == m_blockSize && !submitBlock(false))
            return false;
    }
    return true;
}

bool ParallelGzip::finish()
{
    // The final block may be empty: it then only carries the final bit, which also gives the
    // header for an empty input.
    if (!submitBlock(true) || !m_pipeline.drain()) {
        if (m_error.isEmpty())
            m_error = m_pipeline.error();
        return false;
    }
    char trailer[8];
    putLE32(trailer, m_crc);
    putLE32(trailer + 4, quint32(m_totalIn & 0xffffffffu));
    if (!m_out.write(trailer, 8)) {
        m_error = m_out.errorString();
        return false;
    }
    return true;
}

bool ParallelGzip::submitBlock(bool last)
{
    QByteArray block = std::move(m_block);
    QByteArray dictionary = m_dictionary;
    m_dictionary
        = block.size() >= kWindow ? block.right(kWindow) : (m_dictionary + block).right(kWindow);
    m_block = QByteArray();
    m_block.reserve(m_blockSize);
    const int level = m_level;
    const bool ok = m_pipeline.submit(
        [block, dictionary, level, last] { return deflateBlock(block, dictionary, level, last); });
    if (!ok && m_error.isEmpty())
        m_error = m_pipeline.error();
    return ok;
}

bool ParallelGzip::consume(BlockPipeline::Result &r)
{
    if (!m_headerWritten) {
        // No name, no mtime (reproducible output); XFL as gzip sets it for -1 and -9.
        const char xfl = m_level == 9 ? 2 : (m_level == 1 ? 4 : 0);
        const char header[10] = {'\x1f', '\x8b', 8, 0, 0, 0, 0, 0, xfl, 3};
        if (!m_out.write(header, 10)) {
            m_error = m_out.errorString();
            return false;
        }
        m_headerWritten = true;
        m_crc = quint32(crc32(0, nullptr, 0));
    }
    m_crc = quint32(crc32_combine(m_crc, r.crc, z_off_t(r.inputSize)));
    m_totalIn += quint64(r.inputSize);
    if (!m_out.write(r.data.constData(), r.data.size())) {
        m_error = m_out.errorString();
        return false;
    }
    return true;
}

} // namespace kiln::components
