#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/communicator/SshConfig.h"

#include <QFile>

namespace kiln::comm {

// Fills an SshConfig from a component's decoded configuration (the keys of
// components/shared/CommunicatorFields.cpp plus Kiln's ssh_private_key and ssh_host_key) and
// validates it with Packer's prepare errors.
//
// Header-only on purpose: kiln_communicator sits below kiln_build, which owns
// ComponentConfig; only code that links kiln_build (builders, steps, tests) includes this.
class SshConfigReader
{
public:
    // Returns the config; Packer's messages are appended to *errors (none when valid).
    static SshConfig read(const build::ComponentConfig &c, QStringList *errors)
    {
        SshConfig s;
        QStringList errs;
        auto duration = [&](const QString &key, qint64 fallback) {
            QString e;
            const std::optional<qint64> ms = c.durationMs(key, fallback, &e);
            if (!ms) {
                errs << QStringLiteral("%1: %2").arg(key, e);
                return fallback;
            }
            return *ms;
        };
        s.host = c.string(QStringLiteral("ssh_host"));
        s.port = int(c.integer(QStringLiteral("ssh_port"), 22));
        s.auth.username = c.string(QStringLiteral("ssh_username"));
        s.auth.password = c.string(QStringLiteral("ssh_password"));
        s.auth.privateKeyFile = c.string(QStringLiteral("ssh_private_key_file"));
        s.auth.privateKey = c.string(QStringLiteral("ssh_private_key")).toUtf8();
        s.auth.agentAuth = c.boolean(QStringLiteral("ssh_agent_auth"));
        // Packer: ssh_timeout 5m and 10 attempts only when neither is set.
        s.timeoutMs
            = c.has(QStringLiteral("ssh_timeout")) ? duration(QStringLiteral("ssh_timeout"), 0) : 0;
        if (c.has(QStringLiteral("ssh_wait_timeout")))
            s.timeoutMs = duration(QStringLiteral("ssh_wait_timeout"), s.timeoutMs);
        s.handshakeAttempts = c.has(QStringLiteral("ssh_handshake_attempts"))
            ? int(c.integer(QStringLiteral("ssh_handshake_attempts")))
            : 0;
        s.keepAliveIntervalMs = duration(QStringLiteral("ssh_keep_alive_interval"), 5000);
        s.readWriteTimeoutMs = duration(QStringLiteral("ssh_read_write_timeout"), 0);
        s.pty = c.boolean(QStringLiteral("ssh_pty"));
        s.fileTransferMethod = c.string(QStringLiteral("ssh_file_transfer_method"));
        s.clearAuthorizedKeys = c.boolean(QStringLiteral("ssh_clear_authorized_keys"));
        s.temporaryKeyPairName = c.string(QStringLiteral("temporary_key_pair_name"));
        s.bastionHost = c.string(QStringLiteral("ssh_bastion_host"));
        s.bastionPort = int(c.integer(QStringLiteral("ssh_bastion_port"), 22));
        s.bastionAuth.username = c.string(QStringLiteral("ssh_bastion_username"));
        s.bastionAuth.password = c.string(QStringLiteral("ssh_bastion_password"));
        s.bastionAuth.privateKeyFile = c.string(QStringLiteral("ssh_bastion_private_key_file"));
        s.bastionAuth.agentAuth = c.boolean(QStringLiteral("ssh_bastion_agent_auth"));
        s.bastionAuth.interactive = c.boolean(QStringLiteral("ssh_bastion_interactive"));
        s.ciphers = c.stringList(QStringLiteral("ssh_ciphers"));
        s.keyExchangeAlgorithms = c.stringList(QStringLiteral("ssh_key_exchange_algorithms"));
        s.expectedHostKey = c.string(QStringLiteral("ssh_host_key")).trimmed();
        if (!c.string(QStringLiteral("ssh_certificate_file")).isEmpty()
            && s.auth.privateKeyFile.isEmpty())
            errs << QStringLiteral(
                "ssh_private_key_file must be specified if ssh_certificate_file is specified");
        if (!c.string(QStringLiteral("ssh_bastion_certificate_file")).isEmpty()
            && s.bastionAuth.privateKeyFile.isEmpty())
            errs << QStringLiteral("ssh_bastion_private_key_file must be specified if "
                                   "ssh_bastion_certificate_file is specified");
        errs << s.validate();
        if (!s.bastionHost.isEmpty() && !c.string(QStringLiteral("ssh_proxy_host")).isEmpty())
            errs << QStringLiteral(
                "please specify either ssh_bastion_host or ssh_proxy_host, not both");
        if (errors)
            *errors += errs;
        return s;
    }
};

} // namespace kiln::comm
