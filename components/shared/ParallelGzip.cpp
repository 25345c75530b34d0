#include "components/shared/ParallelGzip.h"

namespace kiln::components {

namespace {

void putLE32(char *p, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = char((v >> (8 * i)) & 0xff);
}

} // namespace

ParallelGzip::ParallelGzip(ByteStream &out, int level, int threads, qsizetype blockSize)
    : m_out(out)
    , m_deflate(out, level, threads, blockSize)
{ }

QString ParallelGzip::errorString() const
{
    return m_error.isEmpty() ? m_deflate.errorString() : m_error;
}

bool ParallelGzip::writeHeader()
{
    if (m_headerWritten)
        return true;
    // No name, no mtime (reproducible output); XFL as gzip sets it for -1 and -9; OS Unix.
    const int level = m_deflate.level();
    const char xfl = level == 9 ? 2 : (level == 1 ? 4 : 0);
    const char header[10] = {'\x1f', '\x8b', 8, 0, 0, 0, 0, 0, xfl, 3};
    if (!m_out.write(header, 10)) {
        m_error = m_out.errorString();
        return false;
    }
    m_headerWritten = true;
    return true;
}

bool ParallelGzip::write(const char *data, qsizetype size)
{
    // The header goes out before any block can reach `out` (blocks are written from
    // within m_deflate's calls on this thread).
    return writeHeader() && m_deflate.write(data, size);
}

bool ParallelGzip::finish()
{
    if (!writeHeader() || !m_deflate.finish())
        return false;
    char trailer[8];
    putLE32(trailer, m_deflate.crc());
    putLE32(trailer + 4, quint32(m_deflate.totalIn() & 0xffffffffu));
    if (!m_out.write(trailer, 8)) {
        m_error = m_out.errorString();
        return false;
    }
    return true;
}

} // namespace kiln::components
