#include "engine/communicator/SshCommandRunner.h"

#include "engine/communicator/SshChannel.h"
#include "engine/communicator/StdinPump.h"

#include <QHash>
#include <QScopeGuard>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

namespace kiln::comm {

namespace {

int signalNumber(const QString &name)
{
    // Go's ssh package maps these names to numbers for the 128+n exit status.
    static const QHash<QString, int> numbers = {
        {QStringLiteral("ABRT"), 6},
        {QStringLiteral("ALRM"), 14},
        {QStringLiteral("FPE"), 8},
        {QStringLiteral("HUP"), 1},
        {QStringLiteral("ILL"), 4},
        {QStringLiteral("INT"), 2},
        {QStringLiteral("KILL"), 9},
        {QStringLiteral("PIPE"), 13},
        {QStringLiteral("QUIT"), 3},
        {QStringLiteral("SEGV"), 11},
        {QStringLiteral("TERM"), 15},
        {QStringLiteral("USR1"), 10},
        {QStringLiteral("USR2"), 12},
    };
    return numbers.value(name, 0);
}

} // namespace

void SshCommandRunner::signalRemote(const char *signal)
{
    // libssh2 1.10 cannot send the RFC 4254 "signal" request (its request sender refuses a
    // started channel), so a second channel does it: every exec channel of this connection
    // is a child of the same sshd session process (our $PPID there) and, without a pty,
    // leads its own process group. Signal every group but our own. The communicator runs
    // one command at a time, so the only other group is the cancelled command's.
    const QByteArray command
        = QByteArray("for p in $(pgrep -P $PPID 2>/dev/null || ps -o pid= --ppid $PPID); do "
                     "[ \"$p\" = \"$$\" ] || kill -")
        + signal + " -\"$p\" 2>/dev/null || kill -" + signal + " \"$p\"; done";
    SshChannel killer(m_session);
    const QDeadlineTimer deadline(3000);
    if (killer.openSession(deadline) != 0)
        return;
    if (m_session.call(
            [&] {
                return libssh2_channel_process_startup(
                    killer.handle(), "exec", 4, command.constData(), unsigned(command.size()));
            },
            deadline)
        != 0)
        return;
    char sink[1024];
    while (!deadline.hasExpired()) {
        ssize_t n = 0;
        const int rc = m_session.call(
            [&] {
                n = libssh2_channel_read(killer.handle(), sink, sizeof sink);
                return n < 0 ? int(n) : 0;
            },
            deadline);
        if (rc != 0 || n == 0)
            break;
    }
    killer.closeAndWait(deadline);
}

CommandResult SshCommandRunner::run(const RemoteCommand &cmd, const build::CancelTokenPtr &cancel)
{
    CommandResult result;
    m_session.clearInterrupt();
    build::CancelScope scope(cancel, [s = &m_session] { s->interrupt(); });

    SshChannel channel(m_session);
    auto lost = [&](int rc) {
        if (rc == SshSession::kCancelled) {
            result.error = QStringLiteral("cancelled");
            return result;
        }
        if (SshSession::isConnectionError(rc)) {
            m_session.markBroken();
            result.disconnected = true;
        }
        result.error = channel.describe(rc);
        return result;
    };
    int rc = channel.openSession();
    if (rc != 0)
        return lost(rc);
    if (m_pty && (rc = channel.requestPty()) != 0)
        return lost(rc);
    if ((rc = channel.exec(cmd.command.toUtf8())) != 0)
        return lost(rc);

    LIBSSH2_CHANNEL *ch = channel.handle();
    // Stdin: stdinData alone is written from `pending`; with a source, a pump thread writes
    // stdinData and the source's bytes to a pipe that this loop polls beside the socket,
    // refilling `pending` from it (see StdinPump: a blocked source never stalls output).
    QByteArray pending = cmd.stdinSource ? QByteArray() : cmd.stdinData;
    qsizetype pendingDone = 0;
    int inputFd = -1;
    std::unique_ptr<StdinPump> pump;
    auto closeInput = [&] {
        if (inputFd >= 0)
            ::close(inputFd);
        inputFd = -1;
    };
    if (cmd.stdinSource) {
        int fds[2] = {-1, -1};
        if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) {
            result.error = QStringLiteral("pipe: %1").arg(QString::fromLocal8Bit(strerror(errno)));
            return result;
        }
        inputFd = fds[0];
        pump = std::make_unique<StdinPump>(fds[1], cmd.stdinData, cmd.stdinSource);
    }
    const auto cleanup = qScopeGuard([&] {
        if (pump)
            pump->stop();
        closeInput();
    });
    bool eofSent = false;
    bool cancelled = false;
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    for (;;) {
        bool progress = false;
        if (!eofSent) {
            if (pendingDone >= pending.size() && inputFd >= 0) {
                const ssize_t n = ::read(inputFd, buffer.data(), size_t(buffer.size()));
                if (n > 0) {
                    pending = QByteArray(buffer.constData(), n);
                    pendingDone = 0;
                    progress = true;
                } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
                    closeInput(); // the end of the input
                }
            }
            if (pendingDone < pending.size()) {
                const ssize_t n = libssh2_channel_write(
                    ch, pending.constData() + pendingDone, size_t(pending.size() - pendingDone));
                if (n > 0) {
                    pendingDone += n;
                    progress = true;
                } else if (n != LIBSSH2_ERROR_EAGAIN) {
                    if (SshSession::isConnectionError(int(n)))
                        return lost(int(n));
                    // The command closed its stdin: the rest of the input has nowhere to go.
                    pendingDone = pending.size();
                    closeInput();
                    if (pump)
                        pump->stop();
                }
            }
            if (pendingDone >= pending.size() && inputFd < 0) {
                const int e = libssh2_channel_send_eof(ch);
                if (e == 0 || e != LIBSSH2_ERROR_EAGAIN)
                    eofSent = true;
            }
        }
        bool drained = true;
        for (int stream : {0, 1}) {
            const ssize_t n
                = libssh2_channel_read_ex(ch, stream, buffer.data(), size_t(buffer.size()));
            if (n > 0) {
                progress = true;
                drained = false;
                const OutputFn &fn = stream == 0 ? cmd.onStdout : cmd.onStderr;
                if (fn)
                    fn(QByteArray(buffer.constData(), int(n)));
            } else if (n < 0 && n != LIBSSH2_ERROR_EAGAIN) {
                return lost(int(n));
            } else if (n == LIBSSH2_ERROR_EAGAIN) {
                drained = false;
            }
        }
        if (drained && libssh2_channel_eof(ch))
            break;
        if (progress)
            continue;
        // Wake for more input only when there is room for it.
        const bool wantInput = !eofSent && inputFd >= 0 && pendingDone >= pending.size();
        const SshSession::Wait w
            = m_session.wait(QDeadlineTimer(QDeadlineTimer::Forever), wantInput ? inputFd : -1);
        if (w == SshSession::Wait::Cancelled) {
            cancelled = true;
            break;
        }
        if (m_session.isBroken())
            return lost(LIBSSH2_ERROR_SOCKET_DISCONNECT);
        if (m_readWriteTimeoutMs > 0 && m_session.msSinceInbound() > m_readWriteTimeoutMs) {
            m_session.markBroken();
            result.disconnected = true;
            result.error
                = QStringLiteral("no data from the remote end for %1 s (ssh_read_write_timeout)")
                      .arg(m_readWriteTimeoutMs / 1000.0);
            return result;
        }
    }

    if (cancelled) {
        m_session.clearInterrupt();
        // TERM the command's process group, give it a moment to end, then KILL. With a pty,
        // closing the channel also hangs its terminal up.
        signalRemote("TERM");
        QDeadlineTimer grace(2000);
        while (!grace.hasExpired() && !libssh2_channel_eof(ch)) {
            const ssize_t n = libssh2_channel_read_ex(ch, 0, buffer.data(), size_t(buffer.size()));
            const ssize_t e = libssh2_channel_read_ex(ch, 1, buffer.data(), size_t(buffer.size()));
            if (n == LIBSSH2_ERROR_EAGAIN && e == LIBSSH2_ERROR_EAGAIN)
                m_session.wait(grace);
            else if ((n < 0 && n != LIBSSH2_ERROR_EAGAIN) || (e < 0 && e != LIBSSH2_ERROR_EAGAIN))
                break;
        }
        if (!libssh2_channel_eof(ch))
            signalRemote("KILL");
        channel.closeAndWait(QDeadlineTimer(2000));
        result.error = QStringLiteral("cancelled");
        return result;
    }

    rc = channel.closeAndWait();
    if (rc != 0 && SshSession::isConnectionError(rc))
        return lost(rc);
    const QString signal = channel.exitSignal();
    result.exitStatus = signal.isEmpty() ? channel.exitStatus() : 128 + signalNumber(signal);
    return result;
}

} // namespace kiln::comm
