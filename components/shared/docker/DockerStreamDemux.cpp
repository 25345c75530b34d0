#include "components/shared/docker/DockerStreamDemux.h"

#include <utility>

namespace kiln::components::docker {

DockerStreamDemux::DockerStreamDemux(Fn onStdout, Fn onStderr, bool raw)
    : m_stdout(std::move(onStdout))
    , m_stderr(std::move(onStderr))
    , m_raw(raw)
{ }

void DockerStreamDemux::feed(const char *data, size_t size)
{
    if (m_raw) {
        if (m_stdout && size)
            m_stdout(QByteArray(data, qsizetype(size)));
        return;
    }
    while (size > 0) {
        if (m_remaining == 0) {
            const size_t need = 8 - size_t(m_header.size());
            const size_t take = qMin(need, size);
            m_header.append(data, qsizetype(take));
            data += take;
            size -= take;
            if (m_header.size() < 8)
                return;
            const auto *h = reinterpret_cast<const unsigned char *>(m_header.constData());
            m_stream = h[0];
            m_remaining = (quint32(h[4]) << 24) | (quint32(h[5]) << 16) | (quint32(h[6]) << 8)
                | quint32(h[7]);
            m_header.clear();
            continue;
        }
        const size_t take = qMin(size_t(m_remaining), size);
        const QByteArray chunk(data, qsizetype(take));
        const Fn &target = m_stream == 2 ? m_stderr : m_stdout;
        if (target)
            target(chunk);
        data += take;
        size -= take;
        m_remaining -= quint32(take);
    }
}

} // namespace kiln::components::docker
