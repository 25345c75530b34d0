#pragma once

#include "components/shared/ansible/SshProxyAdapter.h"

#include <QString>
#include <atomic>
#include <deque>
#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <list>

namespace kiln::components {

class AdapterChannel;
class AdapterRemote;

// One SSH connection to the proxy adapter, served on its own thread with libssh's callback
// API: public key logins for the adapter's user and key, session channels, and on them the
// requests Packer's adapter answers (pty-req and env accepted and ignored, exec, the sftp
// subsystem, which runs sftp_command). libssh's callbacks only record an accepted exec or
// subsystem; serve() then carries it out between polls, blocking on the channel, so a long
// command never runs inside libssh's packet handling.
class SshProxyConnection
{
public:
    SshProxyConnection(ssh_session session, const SshProxyAdapter::Settings &settings,
        AdapterRemote &remote, const build::BuildUi &ui, const std::atomic<bool> &stopping);

    // Key exchange, then requests until the client disconnects or the adapter stops.
    void serve();

private:
    struct Pending
    {
        ssh_channel channel = nullptr;
        QString command; // exec; empty for the sftp subsystem
    };

    static int onAuthPublicKey(ssh_session, const char *user, ssh_key key, char state, void *self);
    static ssh_channel onChannelOpen(ssh_session session, void *self);
    static int onPty(ssh_session, ssh_channel, const char *, int, int, int, int, void *);
    static int onEnv(ssh_session, ssh_channel, const char *, const char *, void *);
    static int onExec(ssh_session, ssh_channel channel, const char *command, void *self);
    static int onSubsystem(ssh_session, ssh_channel channel, const char *name, void *self);

    void runExec(ssh_channel channel, const QString &command);
    void runSftp(ssh_channel channel);
    // Runs `command` through the communicator with the channel as its stdin, stdout and
    // stderr (a copy of stderr in *stderrCopy when given); returns the exit status to send.
    int remoteExec(const QString &command, AdapterChannel &ch, QByteArray *stderrCopy);

    ssh_session m_session;
    const SshProxyAdapter::Settings &m_settings;
    AdapterRemote &m_remote;
    build::BuildUi m_ui;
    const std::atomic<bool> &m_stopping;
    bool m_authenticated = false;
    ssh_server_callbacks_struct m_serverCallbacks{};
    // libssh keeps pointers to these for the channel's lifetime: stable addresses.
    std::list<ssh_channel_callbacks_struct> m_channelCallbacks;
    std::deque<Pending> m_pending;
};

} // namespace kiln::components
