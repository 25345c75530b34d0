#include "components/shared/ansible/AdapterChannel.h"

#include <libssh/server.h>

namespace kiln::components {

bool AdapterChannel::fill()
{
    if (m_offset >= m_buffer.size()) {
        m_buffer.clear();
        m_offset = 0;
    }
    char chunk[32768];
    const int n = ssh_channel_read(m_channel, chunk, sizeof chunk, 0);
    if (n <= 0)
        return false; // EOF (0) or error (< 0)
    m_buffer.append(chunk, n);
    return true;
}

bool AdapterChannel::readExact(qsizetype size, QByteArray *out)
{
    while (size > 0) {
        if (m_offset >= m_buffer.size() && !fill())
            return false;
        const qsizetype take = std::min(size, m_buffer.size() - m_offset);
        out->append(m_buffer.constData() + m_offset, take);
        m_offset += take;
        size -= take;
    }
    return true;
}

bool AdapterChannel::readByte(char *c)
{
    if (m_offset >= m_buffer.size() && !fill())
        return false;
    *c = m_buffer.at(m_offset++);
    return true;
}

bool AdapterChannel::readLine(QByteArray *line)
{
    char c = 0;
    while (readByte(&c)) {
        line->append(c);
        if (c == '\n')
            return true;
    }
    return false;
}

bool AdapterChannel::write(const QByteArray &data)
{
    std::lock_guard lock(m_writeMutex);
    qsizetype done = 0;
    while (done < data.size()) {
        const int n
            = ssh_channel_write(m_channel, data.constData() + done, uint32_t(data.size() - done));
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

bool AdapterChannel::writeStderr(const QByteArray &data)
{
    std::lock_guard lock(m_writeMutex);
    qsizetype done = 0;
    while (done < data.size()) {
        const int n = ssh_channel_write_stderr(
            m_channel, data.constData() + done, uint32_t(data.size() - done));
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

void AdapterChannel::finish(int exitStatus)
{
    std::lock_guard lock(m_writeMutex);
    ssh_channel_request_send_exit_status(m_channel, exitStatus);
    ssh_channel_send_eof(m_channel);
    ssh_channel_close(m_channel);
}

} // namespace kiln::components
