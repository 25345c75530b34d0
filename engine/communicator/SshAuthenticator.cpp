#include "engine/communicator/SshAuthenticator.h"

#include "engine/communicator/SshSession.h"

#include <QFile>
#include <QRegularExpression>
#include <cstdlib>
#include <cstring>

namespace kiln::comm {

namespace {

// What the keyboard-interactive callback needs; libssh2 hands it the session's abstract.
struct PromptContext
{
    QByteArray password;
    const SshPromptFn *prompter = nullptr;
};

void answerPrompts(const char *, int, const char *, int, int count,
    const LIBSSH2_USERAUTH_KBDINT_PROMPT *prompts, LIBSSH2_USERAUTH_KBDINT_RESPONSE *responses,
    void **abstract)
{
    const auto *ctx = static_cast<const PromptContext *>(*abstract);
    for (int i = 0; i < count; ++i) {
        QByteArray answer = ctx->password;
        if (ctx->prompter && *ctx->prompter) {
            const QString prompt = QString::fromUtf8(
                reinterpret_cast<const char *>(prompts[i].text), int(prompts[i].length));
            answer = (*ctx->prompter)(prompt, prompts[i].echo != 0).toUtf8();
        }
        // libssh2 frees the answers with its allocator, the C library's free().
        responses[i].text = static_cast<char *>(std::malloc(size_t(answer.size()) + 1));
        std::memcpy(responses[i].text, answer.constData(), size_t(answer.size()) + 1);
        responses[i].length = unsigned(answer.size());
    }
}

} // namespace

bool SshAuthenticator::authenticate(QDeadlineTimer deadline, SshDiagnosis *diagnosis)
{
    LIBSSH2_SESSION *s = m_session.handle();
    const QByteArray user = m_creds.username.toUtf8();
    int rc = 0;
    // Asking for the list sends "none": a server may let us in with it.
    char *list = m_session.callPtr<char>(
        [&] { return libssh2_userauth_list(s, user.constData(), unsigned(user.size())); }, &rc,
        deadline);
    if (libssh2_userauth_authenticated(s))
        return true;
    auto failed = [&](int code) {
        if (code == SshSession::kCancelled) {
            *diagnosis = SshDiagnosis(SshDiagnosis::Kind::Cancelled, QStringLiteral("cancelled"));
            return true;
        }
        if (code == LIBSSH2_ERROR_TIMEOUT || SshSession::isConnectionError(code)) {
            *diagnosis = SshDiagnosis::handshake(QString(),
                code == LIBSSH2_ERROR_TIMEOUT ? QStringLiteral("authentication timed out")
                                              : m_session.lastError());
            return true;
        }
        return false;
    };
    if (!list) {
        failed(rc);
        if (diagnosis->isNone())
            *diagnosis = SshDiagnosis::handshake(QString(), m_session.lastError());
        return false;
    }
    const QStringList offered
        = QString::fromLatin1(list).split(QLatin1Char(','), Qt::SkipEmptyParts);
    QStringList tried;
    QString detail;
    auto note = [&](const QString &method) {
        if (!tried.contains(method))
            tried << method;
    };

    if (offered.contains(QLatin1String("publickey"))) {
        if (!m_creds.privateKeyFile.isEmpty()) {
            note(QStringLiteral("publickey"));
            if (tryKeyFile(deadline, &rc))
                return true;
            if (failed(rc))
                return false;
        }
        if (!m_creds.privateKey.isEmpty()) {
            note(QStringLiteral("publickey"));
            if (tryInlineKey(deadline, &rc))
                return true;
            if (failed(rc))
                return false;
        }
        if (m_creds.agentAuth) {
            note(QStringLiteral("publickey"));
            if (tryAgent(deadline, &rc, &detail))
                return true;
            if (failed(rc))
                return false;
        }
    }
    const bool interactive = m_creds.interactive && m_prompter;
    if (!m_creds.password.isEmpty() && !interactive
        && offered.contains(QLatin1String("password"))) {
        note(QStringLiteral("password"));
        if (tryPassword(deadline, &rc))
            return true;
        if (failed(rc))
            return false;
    }
    if ((!m_creds.password.isEmpty() || interactive)
        && offered.contains(QLatin1String("keyboard-interactive"))) {
        note(QStringLiteral("keyboard-interactive"));
        if (tryKeyboardInteractive(deadline, &rc))
            return true;
        if (failed(rc))
            return false;
    }
    if (detail.isEmpty() && tried.contains(QLatin1String("publickey")) && usesRsaKey())
        detail = rsaSha1Hint();
    *diagnosis = SshDiagnosis::auth(m_creds.username, tried, offered, detail);
    return false;
}

bool SshAuthenticator::usesRsaKey() const
{
    auto isRsa = [](const QByteArray &text) {
        if (text.contains("BEGIN RSA PRIVATE KEY"))
            return true;
        if (!text.contains("BEGIN OPENSSH PRIVATE KEY"))
            return false;
        const int from = text.indexOf('\n') + 1;
        const QByteArray body = QByteArray::fromBase64(
            text.mid(from, text.indexOf("-----END") - from).simplified().replace(' ', ""));
        return body.left(200).contains("ssh-rsa");
    };
    if (isRsa(m_creds.privateKey))
        return true;
    if (m_creds.privateKeyFile.isEmpty())
        return false;
    QFile f(m_creds.privateKeyFile);
    return f.open(QIODevice::ReadOnly) && isRsa(f.read(1 << 16));
}

QString SshAuthenticator::rsaSha1Hint() const
{
    // libssh2 1.10 signs with RSA only as "ssh-rsa" (SHA-1); OpenSSH 8.8 and later refuse
    // that by default, so an RSA key that is authorized still fails. Say so.
    const char *banner = libssh2_session_banner_get(m_session.handle());
    const QString server = banner ? QString::fromLatin1(banner) : QString();
    QString msg
        = QStringLiteral("the key is RSA, which libssh2 1.10 can only sign with ssh-rsa (SHA-1)");
    static const QRegularExpression version(QStringLiteral("OpenSSH_(\\d+)\\.(\\d+)"));
    const QRegularExpressionMatch m = version.match(server);
    if (m.hasMatch()) {
        const int major = m.captured(1).toInt(), minor = m.captured(2).toInt();
        if (major > 8 || (major == 8 && minor >= 8))
            msg += QStringLiteral(
                " and %1 refuses SHA-1 signatures unless its PubkeyAcceptedAlgorithms "
                "has +ssh-rsa")
                       .arg(server.section(QLatin1Char(' '), 0, 0).section(QLatin1Char('-'), 2));
    }
    return msg + QStringLiteral("; use an ed25519 or ecdsa key");
}

bool SshAuthenticator::tryKeyFile(QDeadlineTimer deadline, int *rc)
{
    const QByteArray user = m_creds.username.toUtf8();
    const QByteArray path = m_creds.privateKeyFile.toLocal8Bit();
    // No public key file: libssh2 derives the public half from the private key.
    *rc = m_session.call(
        [&] {
            return libssh2_userauth_publickey_fromfile_ex(m_session.handle(), user.constData(),
                unsigned(user.size()), nullptr, path.constData(), "");
        },
        deadline);
    return *rc == 0;
}

bool SshAuthenticator::tryInlineKey(QDeadlineTimer deadline, int *rc)
{
    const QByteArray user = m_creds.username.toUtf8();
    *rc = m_session.call(
        [&] {
            return libssh2_userauth_publickey_frommemory(m_session.handle(), user.constData(),
                size_t(user.size()), nullptr, 0, m_creds.privateKey.constData(),
                size_t(m_creds.privateKey.size()), "");
        },
        deadline);
    return *rc == 0;
}

bool SshAuthenticator::tryAgent(QDeadlineTimer deadline, int *rc, QString *detail)
{
    *rc = LIBSSH2_ERROR_AUTHENTICATION_FAILED;
    LIBSSH2_AGENT *agent = libssh2_agent_init(m_session.handle());
    if (!agent)
        return false;
    const QByteArray socketPath
        = (m_creds.agentSocket.isEmpty() ? qEnvironmentVariable("SSH_AUTH_SOCK")
                                         : m_creds.agentSocket)
              .toLocal8Bit();
    bool ok = false;
    if (socketPath.isEmpty()) {
        *detail = QStringLiteral("ssh_agent_auth is set but SSH_AUTH_SOCK is not");
    } else {
        libssh2_agent_set_identity_path(agent, socketPath.constData());
        if (libssh2_agent_connect(agent) != 0) {
            *detail = QStringLiteral("cannot connect to the SSH agent at %1")
                          .arg(QString::fromLocal8Bit(socketPath));
        } else if (libssh2_agent_list_identities(agent) != 0) {
            *detail = QStringLiteral("the SSH agent did not list its keys");
        } else {
            const QByteArray user = m_creds.username.toUtf8();
            libssh2_agent_publickey *identity = nullptr, *prev = nullptr;
            int keys = 0;
            while (!ok && libssh2_agent_get_identity(agent, &identity, prev) == 0) {
                ++keys;
                *rc = m_session.call(
                    [&] { return libssh2_agent_userauth(agent, user.constData(), identity); },
                    deadline);
                ok = *rc == 0;
                if (*rc == SshSession::kCancelled || *rc == LIBSSH2_ERROR_TIMEOUT
                    || SshSession::isConnectionError(*rc))
                    break;
                prev = identity;
            }
            if (!ok && keys == 0)
                *detail = QStringLiteral("the SSH agent holds no keys");
        }
        libssh2_agent_disconnect(agent);
    }
    libssh2_agent_free(agent);
    return ok;
}

bool SshAuthenticator::tryPassword(QDeadlineTimer deadline, int *rc)
{
    const QByteArray user = m_creds.username.toUtf8();
    const QByteArray password = m_creds.password.toUtf8();
    *rc = m_session.call(
        [&] {
            return libssh2_userauth_password_ex(m_session.handle(), user.constData(),
                unsigned(user.size()), password.constData(), unsigned(password.size()), nullptr);
        },
        deadline);
    return *rc == 0;
}

bool SshAuthenticator::tryKeyboardInteractive(QDeadlineTimer deadline, int *rc)
{
    const QByteArray user = m_creds.username.toUtf8();
    PromptContext ctx;
    ctx.password = m_creds.password.toUtf8();
    if (m_creds.interactive)
        ctx.prompter = &m_prompter;
    void **abstract = libssh2_session_abstract(m_session.handle());
    void *saved = *abstract;
    *abstract = &ctx;
    *rc = m_session.call(
        [&] {
            return libssh2_userauth_keyboard_interactive_ex(
                m_session.handle(), user.constData(), unsigned(user.size()), answerPrompts);
        },
        deadline);
    *abstract = saved;
    return *rc == 0;
}

} // namespace kiln::comm
