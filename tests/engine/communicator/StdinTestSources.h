#pragma once

// StdinSource implementations for the streaming-stdin tests of every communicator.

#include "engine/communicator/StdinSource.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <mutex>

namespace kiln::test {

// `total` pseudo-random bytes in chunks of varying size, hashed as they are handed out.
class GeneratedStdin : public comm::StdinSource
{
public:
    explicit GeneratedStdin(qint64 total)
        : m_left(total)
    { }

    qint64 read(char *data, qint64 size) override
    {
        if (m_aborted.load() || m_left == 0)
            return 0;
        // Chunks of 1..~100 KB, so writes straddle pipe and channel window boundaries.
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        const qint64 n = qMin(qMin(size, m_left), qint64(1 + (m_state >> 33) % 100000));
        for (qint64 i = 0; i < n; ++i) {
            m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
            data[i] = char(m_state >> 56);
        }
        m_hash.addData(QByteArrayView(data, n));
        m_left -= n;
        return n;
    }
    void abort() override { m_aborted.store(true); }

    QByteArray hexDigest() { return m_hash.result().toHex(); }
    qint64 left() const { return m_left; }

private:
    qint64 m_left;
    quint64 m_state = 42;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    std::atomic<bool> m_aborted{false};
};

// A request/response protocol over stdin and stdout (as SFTP is): line i+1 is only handed
// out once the command echoed line i back. Feed the command's stdout to received(). A
// communicator that waited for stdin before reading output would hang here.
class LockstepStdin : public comm::StdinSource
{
public:
    explicit LockstepStdin(int lines)
        : m_lines(lines)
    { }

    static QByteArray line(int i) { return QByteArray("request ") + QByteArray::number(i) + '\n'; }

    qint64 read(char *data, qint64 size) override
    {
        std::unique_lock lock(m_mutex);
        if (m_next > 0) {
            const QByteArray expected = line(m_next - 1);
            m_cv.wait(lock, [&] { return m_aborted || m_received.endsWith(expected); });
        }
        if (m_aborted || m_next >= m_lines)
            return 0;
        const QByteArray next = line(m_next++);
        const qint64 n = qMin<qint64>(size, next.size());
        std::memcpy(data, next.constData(), size_t(n));
        return n;
    }
    void abort() override
    {
        std::lock_guard lock(m_mutex);
        m_aborted = true;
        m_cv.notify_all();
    }
    void received(const QByteArray &chunk)
    {
        std::lock_guard lock(m_mutex);
        m_received += chunk;
        m_cv.notify_all();
    }
    QByteArray output()
    {
        std::lock_guard lock(m_mutex);
        return m_received;
    }

private:
    int m_lines;
    int m_next = 0;
    bool m_aborted = false;
    QByteArray m_received;
    std::mutex m_mutex;
    std::condition_variable m_cv;
};

// Hands out `first`, then blocks until abort(): a client that never closes its input.
class StalledStdin : public comm::StdinSource
{
public:
    explicit StalledStdin(QByteArray first = {})
        : m_first(std::move(first))
    { }

    qint64 read(char *data, qint64 size) override
    {
        std::unique_lock lock(m_mutex);
        if (!m_first.isEmpty()) {
            const qint64 n = qMin<qint64>(size, m_first.size());
            std::memcpy(data, m_first.constData(), size_t(n));
            m_first.remove(0, n);
            return n;
        }
        m_cv.wait(lock, [&] { return m_aborted; });
        return 0;
    }
    void abort() override
    {
        std::lock_guard lock(m_mutex);
        m_aborted = true;
        m_cv.notify_all();
    }
    bool aborted()
    {
        std::lock_guard lock(m_mutex);
        return m_aborted;
    }

private:
    QByteArray m_first;
    bool m_aborted = false;
    std::mutex m_mutex;
    std::condition_variable m_cv;
};

} // namespace kiln::test
