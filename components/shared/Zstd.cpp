#include "components/shared/Zstd.h"

#include <QThread>
#include <zstd.h>

namespace kiln::components {

Zstd::Zstd(ByteStream &out, int level, int threads)
    : m_out(out)
    , m_ctx(ZSTD_createCCtx())
    , m_buffer(qsizetype(ZSTD_CStreamOutSize()), Qt::Uninitialized)
{
    if (!m_ctx) {
        m_error = QStringLiteral("zstd: out of memory");
        return;
    }
    ZSTD_CCtx_setParameter(m_ctx, ZSTD_c_compressionLevel, level > 0 ? level : ZSTD_CLEVEL_DEFAULT);
    ZSTD_CCtx_setParameter(m_ctx, ZSTD_c_checksumFlag, 1);
    // A library built without threads rejects this and compresses on this thread instead.
    ZSTD_CCtx_setParameter(
        m_ctx, ZSTD_c_nbWorkers, threads > 0 ? threads : QThread::idealThreadCount());
}

Zstd::~Zstd()
{
    ZSTD_freeCCtx(m_ctx);
}

bool Zstd::write(const char *data, qsizetype size)
{
    return pump(data, size, false);
}

bool Zstd::finish()
{
    return pump(nullptr, 0, true);
}

bool Zstd::pump(const char *data, qsizetype size, bool end)
{
    if (!m_error.isEmpty())
        return false;
    ZSTD_inBuffer in{data, size_t(size), 0};
    const ZSTD_EndDirective mode = end ? ZSTD_e_end : ZSTD_e_continue;
    for (;;) {
        ZSTD_outBuffer out{m_buffer.data(), size_t(m_buffer.size()), 0};
        const size_t remaining = ZSTD_compressStream2(m_ctx, &out, &in, mode);
        if (ZSTD_isError(remaining)) {
            m_error
                = QStringLiteral("zstd: %1").arg(QString::fromLatin1(ZSTD_getErrorName(remaining)));
            return false;
        }
        if (out.pos > 0 && !m_out.write(m_buffer.constData(), qsizetype(out.pos))) {
            m_error = m_out.errorString();
            return false;
        }
        // Done once the input is taken and, when ending, the frame is fully flushed.
        if (end ? remaining == 0 : in.pos == in.size)
            return true;
    }
}

} // namespace kiln::components
