#pragma once

#include "engine/communicator/SshSession.h"

#include <QByteArray>
#include <QString>

namespace kiln::comm {

// A libssh2 channel on a non-blocking SshSession: every call waits (cancellably) instead of
// returning EAGAIN. Return codes are libssh2's, or SshSession::kCancelled.
class SshChannel
{
public:
    explicit SshChannel(SshSession &session, LIBSSH2_CHANNEL *adopted = nullptr)
        : m_session(session)
        , m_channel(adopted)
    { }
    ~SshChannel();
    SshChannel(const SshChannel &) = delete;
    SshChannel &operator=(const SshChannel &) = delete;

    LIBSSH2_CHANNEL *handle() const { return m_channel; }
    SshSession &session() const { return m_session; }
    bool isOpen() const { return m_channel != nullptr; }

    int openSession(QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever));
    // Packer's pty: xterm, 80x40, echo off, 14400 baud.
    int requestPty();
    int exec(const QByteArray &command);
    // Writes every byte (waiting for window space); `stream` 0 is stdin.
    int writeAll(const char *data, qint64 size, int stream = 0);
    // Waits until at least one byte arrives on `stream`: > 0 bytes read, 0 at EOF, < 0 error.
    qint64 readSome(char *buffer, qint64 size, int stream = 0);
    // Reads exactly `size` bytes; 0 when done, an error code, or LIBSSH2_ERROR_CHANNEL_CLOSED
    // when the channel ended early.
    int readExactly(char *buffer, qint64 size);
    int sendEof();
    // Closes and waits until the server closed too (bounded: a dead peer does not hang us).
    int closeAndWait(QDeadlineTimer deadline = QDeadlineTimer(5000));

    int exitStatus() const;
    // The signal name that ended the command ("TERM"), or empty.
    QString exitSignal() const;

    // Words for a failed call: libssh2's last error, "cancelled", or a timeout.
    QString describe(int rc) const;

private:
    SshSession &m_session;
    LIBSSH2_CHANNEL *m_channel;
};

} // namespace kiln::comm
