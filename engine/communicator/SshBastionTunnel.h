#pragma once

#include "engine/build/CancelToken.h"
#include "engine/communicator/SshDiagnosis.h"

#include <QDeadlineTimer>
#include <QString>
#include <atomic>
#include <libssh2.h>
#include <memory>
#include <thread>

namespace kiln::comm {

class SshSession;

// Carries the target's SSH connection through a logged-in bastion (Packer's
// BastionConnectFunc): a direct-tcpip channel to the target, pumped by a thread to one end
// of a socketpair whose other end the target's libssh2 session uses as its socket.
//
// Threading: after open() only the pump thread touches the bastion session. The destructor
// stops and joins it; when the bastion dies the pump shuts the socketpair down, so the
// target session sees its peer go away.
class SshBastionTunnel
{
public:
    // On success returns the tunnel and sets *targetFd (owned by the caller).
    static std::unique_ptr<SshBastionTunnel> open(std::unique_ptr<SshSession> bastion,
        const QString &host, int port, qint64 keepAliveMs, const build::CancelTokenPtr &cancel,
        QDeadlineTimer deadline, int *targetFd, SshDiagnosis *diagnosis);
    ~SshBastionTunnel();

private:
    SshBastionTunnel() = default;
    void pump();

    std::unique_ptr<SshSession> m_bastion;
    LIBSSH2_CHANNEL *m_channel = nullptr;
    int m_localFd = -1;
    int m_stopFd = -1;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace kiln::comm
