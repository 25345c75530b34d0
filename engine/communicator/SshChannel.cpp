#include "engine/communicator/SshChannel.h"

namespace kiln::comm {

SshChannel::~SshChannel()
{
    if (!m_channel)
        return;
    // Freeing may need to send a close; a dead or cancelled session must not block here.
    QDeadlineTimer deadline(m_session.isBroken() ? 0 : 2000);
    for (;;) {
        const int rc = libssh2_channel_free(m_channel);
        if (rc != LIBSSH2_ERROR_EAGAIN || deadline.hasExpired())
            break;
        m_session.clearInterrupt();
        m_session.wait(deadline);
    }
}

int SshChannel::openSession(QDeadlineTimer deadline)
{
    int rc = 0;
    m_channel = m_session.callPtr<LIBSSH2_CHANNEL>(
        [&] { return libssh2_channel_open_session(m_session.handle()); }, &rc, deadline);
    return m_channel ? 0 : (rc ? rc : LIBSSH2_ERROR_CHANNEL_FAILURE);
}

int SshChannel::requestPty()
{
    // Terminal modes (RFC 4254 8): ECHO=0, TTY_OP_ISPEED/OSPEED=14400, TTY_OP_END.
    static const char modes[]
        = {53, 0, 0, 0, 0, char(128), 0, 0, 0x38, 0x40, char(129), 0, 0, 0x38, 0x40, 0};
    return m_session.call([&] {
        return libssh2_channel_request_pty_ex(
            m_channel, "xterm", 5, modes, sizeof modes, 80, 40, 0, 0);
    });
}

int SshChannel::exec(const QByteArray &command)
{
    return m_session.call([&] {
        return libssh2_channel_process_startup(
            m_channel, "exec", 4, command.constData(), unsigned(command.size()));
    });
}

int SshChannel::writeAll(const char *data, qint64 size, int stream)
{
    qint64 done = 0;
    while (done < size) {
        ssize_t n = 0;
        const int rc = m_session.call([&] {
            n = libssh2_channel_write_ex(m_channel, stream, data + done, size_t(size - done));
            return n < 0 ? int(n) : 0;
        });
        if (rc != 0)
            return rc;
        done += n;
    }
    return 0;
}

qint64 SshChannel::readSome(char *buffer, qint64 size, int stream)
{
    ssize_t n = 0;
    const int rc = m_session.call([&] {
        n = libssh2_channel_read_ex(m_channel, stream, buffer, size_t(size));
        return n < 0 ? int(n) : 0;
    });
    return rc != 0 ? rc : n;
}

int SshChannel::readExactly(char *buffer, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        const qint64 n = readSome(buffer + done, size - done);
        if (n < 0)
            return int(n);
        if (n == 0)
            return LIBSSH2_ERROR_CHANNEL_CLOSED;
        done += n;
    }
    return 0;
}

int SshChannel::sendEof()
{
    return m_session.call([&] { return libssh2_channel_send_eof(m_channel); });
}

int SshChannel::closeAndWait(QDeadlineTimer deadline)
{
    int rc = m_session.call([&] { return libssh2_channel_close(m_channel); }, deadline);
    if (rc == 0)
        rc = m_session.call([&] { return libssh2_channel_wait_closed(m_channel); }, deadline);
    return rc;
}

int SshChannel::exitStatus() const
{
    return libssh2_channel_get_exit_status(m_channel);
}

QString SshChannel::exitSignal() const
{
    char *sig = nullptr;
    size_t len = 0;
    libssh2_channel_get_exit_signal(m_channel, &sig, &len, nullptr, nullptr, nullptr, nullptr);
    if (!sig)
        return {};
    const QString name = QString::fromLatin1(sig, int(len));
    libssh2_free(m_session.handle(), sig);
    return name;
}

QString SshChannel::describe(int rc) const
{
    if (rc == SshSession::kCancelled)
        return QStringLiteral("cancelled");
    if (rc == LIBSSH2_ERROR_TIMEOUT)
        return QStringLiteral("timed out");
    if (rc == LIBSSH2_ERROR_CHANNEL_CLOSED)
        return QStringLiteral("the channel closed early");
    return m_session.lastError();
}

} // namespace kiln::comm
