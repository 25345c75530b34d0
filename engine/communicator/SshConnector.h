#pragma once

#include "engine/build/CancelToken.h"
#include "engine/communicator/SshAuthenticator.h"
#include "engine/communicator/SshConfig.h"
#include "engine/communicator/SshDiagnosis.h"

#include <QDeadlineTimer>
#include <functional>
#include <memory>

namespace kiln::comm {

class SshCommunicator;
class SshConnection;
class SshSession;

// Waits for SSH the way Packer's StepConnectSSH does: tries to connect (through the bastion
// when one is configured), handshake and log in; retries every 5 s until ssh_timeout, and
// gives up early after ssh_handshake_attempts failures that got as far as authentication.
// Unlike Packer, the final error says what the last attempt ran into (SshDiagnosis).
//
// Usage in a builder step (config from SshConfigReader::read, already validated):
//     SshConnector connector(config);
//     connector.setMessageCallback([&](const QString &m) { ui.say(m); });
//     QString error;
//     auto comm = connector.connect(cancel, &error);   // blocks; worker thread
//     if (!comm) ui.error("Error waiting for SSH: " + error);
class SshConnector
{
public:
    using MessageFn = std::function<void(const QString &)>;

    explicit SshConnector(SshConfig config);

    // "Waiting for SSH to become available...", "Connected to SSH!".
    void setMessageCallback(MessageFn fn) { m_say = std::move(fn); }
    // Answers the bastion's keyboard-interactive prompts (ssh_bastion_interactive).
    void setPrompter(SshPromptFn fn) { m_prompter = std::move(fn); }

    // Blocks until connected, timed out, out of handshake attempts, or cancelled ("cancelled").
    std::unique_ptr<SshCommunicator> connect(const build::CancelTokenPtr &cancel, QString *error);

    // One attempt, no retries (also the communicator's reconnect). With `bannerWaitMs`, a
    // direct connection whose server sends nothing that long is given up (a booting
    // machine's port forward that holds the connection until the guest answers).
    std::unique_ptr<SshConnection> connectOnce(const build::CancelTokenPtr &cancel,
        QDeadlineTimer deadline, SshDiagnosis *diagnosis, qint64 bannerWaitMs = 0) const;

    // Attempts made by the last connect().
    int attempts() const { return m_attempts; }
    const SshDiagnosis &lastDiagnosis() const { return m_last; }

private:
    int tcpConnect(const QString &host, int port, const build::CancelTokenPtr &cancel,
        // `target`: the machine being built (ssh_ciphers and ssh_key_exchange_algorithms apply).
        QDeadlineTimer deadline, SshDiagnosis *diagnosis) const;
    std::unique_ptr<SshSession> login(int fd, const QString &address, const SshCredentials &creds,
        const QString &expectedHostKey, bool target, const build::CancelTokenPtr &cancel,
        QDeadlineTimer deadline, SshDiagnosis *diagnosis) const;

    SshConfig m_config;
    MessageFn m_say;
    SshPromptFn m_prompter;
    int m_attempts = 0;
    SshDiagnosis m_last;
};

} // namespace kiln::comm
