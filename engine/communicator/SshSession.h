#pragma once

#include "engine/build/CancelToken.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QString>
#include <atomic>
#include <libssh2.h>

namespace kiln::comm {

// One libssh2 session over a connected stream socket (TCP, or one end of a bastion tunnel),
// in non-blocking mode so that every wait can be woken by a cancel.
//
// Threading: libssh2 sessions are not thread-safe; one thread at a time uses a session (the
// owner serialises). interrupt() is the one member safe from any thread (cancel callbacks).
class SshSession
{
public:
    enum class Wait { Ready, Cancelled, TimedOut };
    // Returned by call() instead of a libssh2 code when the wait was cancelled.
    static constexpr int kCancelled = -1000;

    // Takes ownership of `fd`.
    explicit SshSession(int fd);
    ~SshSession();
    SshSession(const SshSession &) = delete;
    SshSession &operator=(const SshSession &) = delete;

    LIBSSH2_SESSION *handle() const { return m_session; }
    int socket() const { return m_fd; }
    // When the socket last had something to read: liveness for ssh_read_write_timeout.
    qint64 msSinceInbound() const { return m_lastInbound.elapsed(); }

    // Restricts what the handshake offers; false with the reason when libssh2 supports none
    // of `names` (libssh2 1.10 has no aes-gcm or chacha20-poly1305, for instance).
    bool setPreferences(const QStringList &ciphers, const QStringList &kex, QString *error);
    // Key exchange; false with libssh2's reason in *error.
    bool handshake(QDeadlineTimer deadline, QString *error);
    QByteArray hostKeyBlob() const;
    QString hostKeyFingerprint() const; // "SHA256:..."

    // Blocks until libssh2 can make progress on the socket (in the direction it is waiting
    // for), interrupt() is called, or the deadline passes. Sends due keepalives. A `readableFd`
    // (>= 0) also ends the wait when it becomes readable: a command's stdin pipe.
    Wait wait(
        QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever), int readableFd = -1);
    // Repeats `fn` while it returns LIBSSH2_ERROR_EAGAIN. Returns its result, kCancelled, or
    // LIBSSH2_ERROR_TIMEOUT when the deadline passed.
    template <class Fn>
    int call(Fn fn, QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever))
    {
        for (;;) {
            const int rc = fn();
            if (rc != LIBSSH2_ERROR_EAGAIN)
                return rc;
            const Wait w = wait(deadline);
            if (w == Wait::Cancelled)
                return kCancelled;
            if (w == Wait::TimedOut)
                return LIBSSH2_ERROR_TIMEOUT;
        }
    }
    // For libssh2 calls that return a pointer (null with EAGAIN as last error).
    template <class T, class Fn>
    T *callPtr(Fn fn, int *rc, QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever))
    {
        T *result = nullptr;
        *rc = call(
            [&] {
                result = fn();
                return result ? 0 : libssh2_session_last_errno(m_session);
            },
            deadline);
        return *rc == 0 ? result : nullptr;
    }

    // Thread-safe: makes the current and next wait() return Cancelled until clearInterrupt().
    void interrupt();
    void clearInterrupt();
    bool isInterrupted() const { return m_interrupted.load(); }

    // libssh2's description of its last error.
    QString lastError() const;
    // A socket-level failure (peer gone): the session is unusable and must be replaced.
    static bool isConnectionError(int rc);
    void markBroken() { m_broken = true; }
    bool isBroken() const { return m_broken.load(); }

    // Keepalive every `ms` (<= 0: none); wait() sends them while a call waits, and
    // sendKeepAlive() from an idle thread.
    void setKeepAlive(qint64 ms);
    void sendKeepAlive();

    // Sends SSH_MSG_DISCONNECT (best effort, short) and closes the socket.
    void disconnect(const char *description);

private:
    LIBSSH2_SESSION *m_session = nullptr;
    int m_fd = -1;
    int m_wakeFd = -1;
    QElapsedTimer m_lastInbound;
    std::atomic<bool> m_interrupted{false};
    std::atomic<bool> m_broken{false};
    qint64 m_keepAliveMs = 0;
};

} // namespace kiln::comm
