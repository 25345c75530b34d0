#pragma once

#include "engine/communicator/SshBastionTunnel.h"
#include "engine/communicator/SshSession.h"

#include <memory>

namespace kiln::comm {

// A logged-in session to the target and, when it goes through a bastion, the tunnel it rides
// on. The session is closed before the tunnel it needs.
class SshConnection
{
public:
    SshConnection(std::unique_ptr<SshSession> session, std::unique_ptr<SshBastionTunnel> tunnel)
        : m_tunnel(std::move(tunnel))
        , m_session(std::move(session))
    { }
    ~SshConnection()
    {
        if (m_session)
            m_session->disconnect("Kiln is done");
        m_session.reset();
        m_tunnel.reset();
    }
    SshConnection(const SshConnection &) = delete;
    SshConnection &operator=(const SshConnection &) = delete;

    SshSession &session() const { return *m_session; }
    bool viaBastion() const { return m_tunnel != nullptr; }

private:
    std::unique_ptr<SshBastionTunnel> m_tunnel;
    std::unique_ptr<SshSession> m_session;
};

} // namespace kiln::comm
