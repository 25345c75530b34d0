#include "components/shared/ParallelDeflate.h"

#include "components/shared/DeflateChunk.h"

#include <QThread>
#include <zlib.h>

namespace kiln::components {

namespace {

BlockPipeline::Result deflateBlock(const QByteArray &in, int level, bool last)
{
    BlockPipeline::Result r;
    r.inputSize = in.size();
    r.crc = DeflateChunk::crc32(0, in.constData(), in.size());
    r.error = DeflateChunk::compress(in.constData(), in.size(), level, last, r.data);
    return r;
}

} // namespace

ParallelDeflate::ParallelDeflate(ByteStream &out, int level, int threads, qsizetype blockSize)
    : m_out(out)
    , m_level(level < 1 || level > 9 ? 6 : level)
    , m_blockSize(qMax<qsizetype>(blockSize, 1))
    , m_pipeline(threads > 0 ? threads : QThread::idealThreadCount(),
          [this](BlockPipeline::Result &r) { return consume(r); })
{ }

bool ParallelDeflate::write(const char *data, qsizetype size)
{
    // Reserved on demand: a small zip entry should not allocate a whole block.
    if (m_block.isEmpty() && size > 0)
        m_block.reserve(qMin(m_blockSize, qMax(size, qsizetype(64 * 1024))));
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

bool ParallelDeflate::finish()
{
    // A stream that fits in one block (small files, most zip entries) is compressed right
    // here: handing it to a pool thread and waiting would cost more than the work.
    if (!m_submitted) {
        BlockPipeline::Result r = deflateBlock(m_block, m_level, true);
        m_block = QByteArray();
        if (!r.error.isEmpty()) {
            m_error = r.error;
            return false;
        }
        return consume(r);
    }
    // The last block may be empty: it then only carries the final bit.
    if (!submitBlock(true) || !m_pipeline.drain()) {
        if (m_error.isEmpty())
            m_error = m_pipeline.error();
        return false;
    }
    return true;
}

void ParallelDeflate::reset()
{
    m_block = QByteArray();
    m_crc = 0;
    m_totalIn = 0;
    m_totalOut = 0;
    m_submitted = false;
}

bool ParallelDeflate::submitBlock(bool last)
{
    m_submitted = true;
    QByteArray block = std::move(m_block);
    m_block = QByteArray();
    const int level = m_level;
    const bool ok = m_pipeline.submit(
        [block = std::move(block), level, last] { return deflateBlock(block, level, last); });
    if (!ok && m_error.isEmpty())
        m_error = m_pipeline.error();
    return ok;
}

bool ParallelDeflate::consume(BlockPipeline::Result &r)
{
    m_crc = quint32(crc32_combine(m_crc, r.crc, z_off_t(r.inputSize)));
    m_totalIn += quint64(r.inputSize);
    m_totalOut += quint64(r.data.size());
    if (!m_out.write(r.data.constData(), r.data.size())) {
        m_error = m_out.errorString();
        return false;
    }
    return true;
}

} // namespace kiln::components
