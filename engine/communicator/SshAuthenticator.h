#pragma once

#include "engine/communicator/SshConfig.h"
#include "engine/communicator/SshDiagnosis.h"

#include <QDeadlineTimer>
#include <functional>

namespace kiln::comm {

class SshSession;

// Answers one keyboard-interactive prompt (ssh_bastion_interactive): the prompt text and
// whether the answer may be echoed. Returns the answer.
using SshPromptFn = std::function<QString(const QString &prompt, bool echo)>;

// Logs a handshaken session in. Tries, in Packer's order, public keys (the key file, the
// inline key, the agent's identities), then the password, then keyboard-interactive
// answering every prompt with the password. Only methods the server offers are tried.
class SshAuthenticator
{
public:
    SshAuthenticator(SshSession &session, const SshCredentials &credentials)
        : m_session(session)
        , m_creds(credentials)
    { }

    void setPrompter(SshPromptFn prompter) { m_prompter = std::move(prompter); }

    // True when logged in; else the diagnosis (Kind::Auth, or Cancelled / Handshake).
    bool authenticate(QDeadlineTimer deadline, SshDiagnosis *diagnosis);

private:
    bool tryKeyFile(QDeadlineTimer deadline, int *rc);
    bool tryInlineKey(QDeadlineTimer deadline, int *rc);
    bool tryAgent(QDeadlineTimer deadline, int *rc, QString *detail);
    bool tryPassword(QDeadlineTimer deadline, int *rc);
    bool tryKeyboardInteractive(QDeadlineTimer deadline, int *rc);
    bool usesRsaKey() const;
    QString rsaSha1Hint() const;

    SshSession &m_session;
    const SshCredentials &m_creds;
    SshPromptFn m_prompter;
};

} // namespace kiln::comm
