#include "engine/communicator/SshConfig.h"

#include "engine/communicator/SshKeyText.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace kiln::comm {

namespace {

QString expandUser(const QString &path)
{
    if (path == QLatin1String("~"))
        return QDir::homePath();
    if (path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

// Packer reports os.Stat's and ssh.ParsePrivateKey's words after "<key> is invalid: ".
QString checkKeyFile(const QString &key, const QString &path)
{
    const QString expanded = expandUser(path);
    const QFileInfo info(expanded);
    if (!info.exists())
        return QStringLiteral("%1 is invalid: stat %2: no such file or directory")
            .arg(key, expanded);
    QFile f(expanded);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("%1 is invalid: open %2: %3").arg(key, expanded, f.errorString());
    const QString problem = SshKeyText::checkPrivateKey(f.read(1 << 20));
    if (!problem.isEmpty())
        return QStringLiteral("%1 is invalid: Failed to read key '%2': %3").arg(key, path, problem);
    return {};
}

} // namespace

QString SshConfig::joinHostPort(const QString &host, int port)
{
    if (host.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(host).arg(port);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

QStringList SshConfig::validate()
{
    if (port == 0)
        port = 22;
    // Packer: "Only set default values when neither are set"; a lone ssh_timeout means
    // unlimited handshake attempts within it.
    if (timeoutMs == 0 && handshakeAttempts == 0) {
        timeoutMs = 5 * 60 * 1000;
        handshakeAttempts = 10;
    }
    if (keepAliveIntervalMs == 0)
        keepAliveIntervalMs = 5000;
    auth.privateKeyFile = expandUser(auth.privateKeyFile);
    bastionAuth.privateKeyFile = expandUser(bastionAuth.privateKeyFile);

    QStringList errs;
    if (hasBastion()) {
        if (bastionPort == 0)
            bastionPort = 22;
        if (bastionAuth.privateKeyFile.isEmpty() && !auth.privateKeyFile.isEmpty())
            bastionAuth.privateKeyFile = auth.privateKeyFile;
    }
    if (auth.username.isEmpty())
        errs << QStringLiteral("An ssh_username must be specified\n  Note: some builders used to "
                               "default ssh_username to \"root\".");
    if (!auth.privateKeyFile.isEmpty()) {
        const QString e = checkKeyFile(QStringLiteral("ssh_private_key_file"), auth.privateKeyFile);
        if (!e.isEmpty())
            errs << e;
    }
    if (!auth.privateKey.isEmpty()) {
        const QString problem = SshKeyText::checkPrivateKey(auth.privateKey);
        if (!problem.isEmpty())
            errs << QStringLiteral("ssh_private_key is invalid: %1").arg(problem);
    }
    if (hasBastion()) {
        if (bastionAuth.password.isEmpty() && bastionAuth.privateKeyFile.isEmpty()
            && !bastionAuth.agentAuth) {
            errs << QStringLiteral("ssh_bastion_password, ssh_bastion_private_key_file or "
                                   "ssh_bastion_agent_auth must be specified");
        } else if (!bastionAuth.privateKeyFile.isEmpty()) {
            const QString e = checkKeyFile(
                QStringLiteral("ssh_bastion_private_key_file"), bastionAuth.privateKeyFile);
            if (!e.isEmpty())
                errs << e;
        }
    }
    if (fileTransferMethod.isEmpty())
        fileTransferMethod = QStringLiteral("scp");
    if (fileTransferMethod != QLatin1String("scp") && fileTransferMethod != QLatin1String("sftp"))
        errs << QStringLiteral(
            "ssh_file_transfer_method ('%1') is invalid, valid methods: sftp, scp")
                    .arg(fileTransferMethod);
    if (!expectedHostKey.isEmpty() && !expectedHostKey.startsWith(QLatin1String("SHA256:"))
        && expectedHostKey.split(QLatin1Char(' '), Qt::SkipEmptyParts).size() < 2)
        errs << QStringLiteral("ssh_host_key is invalid: expected a public key line "
                               "(\"ssh-ed25519 AAAA...\") or a SHA256:... fingerprint");
    return errs;
}

} // namespace kiln::comm
