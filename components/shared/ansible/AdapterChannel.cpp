#include "components/shared/ansible/AdapterChannel.h"

#include <cstring>
#include <libssh/server.h>
#include <thread>

namespace kiln::components {

namespace {

// How long one locked read waits for client input before letting writers in.
constexpr int kReadSliceMs = 20;

} // namespace

bool AdapterChannel::fill()
{
    if (m_offset >= m_buffer.size()) {
        m_buffer.clear();
        m_offset = 0;
    }
    char chunk[32768];
    int n = 0;
    {
        std::lock_guard lock(m_lock);
        n = ssh_channel_read(m_channel, chunk, sizeof chunk, 0);
    }
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

qint64 AdapterChannel::read(char *data, qint64 size)
{
    if (m_offset < m_buffer.size()) {
        const qint64 take = qMin<qint64>(size, m_buffer.size() - m_offset);
        std::memcpy(data, m_buffer.constData() + m_offset, size_t(take));
        m_offset += take;
        return take;
    }
    const uint32_t want = uint32_t(qMin<qint64>(size, 1 << 20));
    while (!m_aborted.load()) {
        // A writer waiting for the lock goes first: output must not starve behind input.
        while (m_writersWaiting.load() > 0)
            std::this_thread::yield();
        std::lock_guard lock(m_lock);
        const int n = ssh_channel_read_timeout(m_channel, data, want, 0, kReadSliceMs);
        if (n > 0)
            return n;
        if (n == SSH_ERROR)
            return -1;
        if (ssh_channel_is_eof(m_channel) || !ssh_channel_is_open(m_channel))
            return 0;
    }
    return 0;
}

bool AdapterChannel::writeStream(const QByteArray &data, bool stderrStream)
{
    ++m_writersWaiting;
    std::lock_guard lock(m_lock);
    --m_writersWaiting;
    qsizetype done = 0;
    while (done < data.size()) {
        const uint32_t left = uint32_t(data.size() - done);
        const int n = stderrStream
            ? ssh_channel_write_stderr(m_channel, data.constData() + done, left)
            : ssh_channel_write(m_channel, data.constData() + done, left);
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

bool AdapterChannel::write(const QByteArray &data)
{
    return writeStream(data, false);
}

bool AdapterChannel::writeStderr(const QByteArray &data)
{
    return writeStream(data, true);
}

void AdapterChannel::finish(int exitStatus)
{
    std::lock_guard lock(m_lock);
    ssh_channel_request_send_exit_status(m_channel, exitStatus);
    ssh_channel_send_eof(m_channel);
    ssh_channel_close(m_channel);
}

} // namespace kiln::components
