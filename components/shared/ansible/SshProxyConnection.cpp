#include "components/shared/ansible/SshProxyConnection.h"

#include "components/shared/ansible/AdapterChannel.h"
#include "components/shared/ansible/AdapterKey.h"
#include "components/shared/ansible/AdapterRemote.h"
#include "components/shared/ansible/ScpProxySession.h"

#include <libssh/server.h>

namespace kiln::components {

SshProxyConnection::SshProxyConnection(ssh_session session,
    const SshProxyAdapter::Settings &settings, AdapterRemote &remote, const build::BuildUi &ui,
    const std::atomic<bool> &stopping)
    : m_session(session)
    , m_settings(settings)
    , m_remote(remote)
    , m_ui(ui)
    , m_stopping(stopping)
{
    m_serverCallbacks.userdata = this;
    m_serverCallbacks.auth_pubkey_function = onAuthPublicKey;
    m_serverCallbacks.channel_open_request_session_function = onChannelOpen;
    ssh_callbacks_init(&m_serverCallbacks);
}

void SshProxyConnection::serve()
{
    ssh_set_server_callbacks(m_session, &m_serverCallbacks);
    ssh_set_auth_methods(m_session, SSH_AUTH_METHOD_PUBLICKEY);
    if (ssh_handle_key_exchange(m_session) != SSH_OK) {
        if (!m_stopping)
            m_ui.error(QStringLiteral("failed to handshake"));
        return;
    }
    ssh_event event = ssh_event_new();
    ssh_event_add_session(event, m_session);
    while (!m_stopping) {
        if (ssh_event_dopoll(event, 200) == SSH_ERROR)
            break;
        while (!m_pending.empty() && !m_stopping) {
            const Pending p = m_pending.front();
            m_pending.pop_front();
            if (p.command.isEmpty())
                runSftp(p.channel);
            else
                runExec(p.channel, p.command);
        }
        if (!ssh_is_connected(m_session))
            break;
    }
    ssh_event_remove_session(event, m_session);
    ssh_event_free(event);
}

int SshProxyConnection::onAuthPublicKey(
    ssh_session, const char *user, ssh_key key, char state, void *self)
{
    auto *c = static_cast<SshProxyConnection *>(self);
    // Packer's adapter: the configured user with the one authorized key, nothing else.
    if (QString::fromUtf8(user) != c->m_settings.user || !c->m_settings.userKey->samePublicKey(key))
        return SSH_AUTH_DENIED;
    if (state == SSH_PUBLICKEY_STATE_NONE)
        return SSH_AUTH_SUCCESS; // a probe: libssh answers that the key would do
    if (state != SSH_PUBLICKEY_STATE_VALID)
        return SSH_AUTH_DENIED;
    c->m_authenticated = true;
    return SSH_AUTH_SUCCESS;
}

ssh_channel SshProxyConnection::onChannelOpen(ssh_session session, void *self)
{
    auto *c = static_cast<SshProxyConnection *>(self);
    if (!c->m_authenticated)
        return nullptr;
    ssh_channel channel = ssh_channel_new(session);
    if (!channel)
        return nullptr;
    ssh_channel_callbacks_struct &cb = c->m_channelCallbacks.emplace_back();
    cb.userdata = c;
    cb.channel_pty_request_function = onPty;
    cb.channel_env_request_function = onEnv;
    cb.channel_exec_request_function = onExec;
    cb.channel_subsystem_request_function = onSubsystem;
    ssh_callbacks_init(&cb);
    ssh_set_channel_callbacks(channel, &cb);
    return channel;
}

int SshProxyConnection::onPty(ssh_session, ssh_channel, const char *, int, int, int, int, void *)
{
    return 0; // accepted and ignored: OpenSSH and sudo want one
}

int SshProxyConnection::onEnv(ssh_session, ssh_channel, const char *, const char *, void *)
{
    return 0;
}

int SshProxyConnection::onExec(ssh_session, ssh_channel channel, const char *command, void *self)
{
    auto *c = static_cast<SshProxyConnection *>(self);
    if (!command || !*command)
        return -1;
    c->m_pending.push_back({channel, QString::fromUtf8(command)});
    return 0;
}

int SshProxyConnection::onSubsystem(ssh_session, ssh_channel channel, const char *name, void *self)
{
    auto *c = static_cast<SshProxyConnection *>(self);
    if (qstrcmp(name, "sftp") != 0) {
        c->m_ui.error(
            QStringLiteral("unsupported subsystem requested: %1").arg(QString::fromUtf8(name)));
        return -1;
    }
    c->m_pending.push_back({channel, QString()});
    return 0;
}

void SshProxyConnection::runExec(ssh_channel channel, const QString &command)
{
    AdapterChannel ch(channel);
    int exitStatus = 0;
    if (command.startsWith(QLatin1String("scp ")) && ScpProxySession::handles(command.mid(4)))
        exitStatus = ScpProxySession::run(command.mid(4), ch, m_remote).isEmpty() ? 0 : 1;
    else
        exitStatus = remoteExec(command, ch, nullptr);
    ch.finish(exitStatus);
}

int SshProxyConnection::remoteExec(
    const QString &command, AdapterChannel &ch, QByteArray *stderrCopy)
{
    // Packer's remoteExec: the channel is the command's stdin, stdout and stderr. The client's
    // input streams in while output streams back (Ansible's pipelining sends the module to
    // python3's stdin; an SFTP client talks to sftp-server both ways).
    comm::RemoteCommand cmd;
    cmd.command = command;
    cmd.stdinSource = &ch;
    cmd.onStdout = [&ch](const QByteArray &chunk) { ch.write(chunk); };
    cmd.onStderr = [&ch, stderrCopy](const QByteArray &chunk) {
        if (stderrCopy)
            *stderrCopy += chunk;
        ch.writeStderr(chunk);
    };
    const comm::CommandResult result = m_remote.run(cmd);
    if (!result.error.isEmpty() && !m_stopping)
        m_ui.error(result.error);
    return result.exitStatus < 0 ? 255 : result.exitStatus;
}

void SshProxyConnection::runSftp(ssh_channel channel)
{
    // As Packer: the sftp subsystem is sftp_command run on the machine through the
    // communicator, its stdin and stdout being the SFTP stream.
    AdapterChannel ch(channel);
    const QString command = m_settings.sftpCommand.isEmpty()
        ? QStringLiteral("/usr/lib/sftp-server -e")
        : m_settings.sftpCommand;
    QByteArray errors;
    const int exitStatus = remoteExec(command, ch, &errors);
    // sftp-server ends with 0 when the client closes the stream. Anything else is most
    // likely a wrong path, which Ansible only reports as an unreachable host: say which
    // setting to fix.
    if (exitStatus != 0 && !m_stopping) {
        const QString said = QString::fromUtf8(errors.trimmed());
        m_ui.error(QStringLiteral("sftp subsystem: sftp_command \"%1\" exited with status %2%3. "
                                  "Set sftp_command to the path of sftp-server on the machine "
                                  "(Debian and Ubuntu: /usr/lib/openssh/sftp-server -e, "
                                  "Red Hat: /usr/libexec/openssh/sftp-server -e).")
                       .arg(command)
                       .arg(exitStatus)
                       .arg(said.isEmpty() ? QString() : QStringLiteral(": ") + said));
    }
    ch.finish(exitStatus);
}

} // namespace kiln::components
