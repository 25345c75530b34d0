#include "components/postprocessors/sftp-upload/SftpUploadPostProcessorSettings.h"

namespace kiln::components {

build::PrepareResult SftpUploadPostProcessorSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    ssh.host = config.string(QStringLiteral("host"));
    if (ssh.host.isEmpty())
        result.errors << QStringLiteral("host must be set");
    ssh.port = int(config.integer(QStringLiteral("port"), 22));
    if (ssh.port <= 0 || ssh.port > 65535)
        result.errors << QStringLiteral("port must be between 1 and 65535, got %1").arg(ssh.port);
    ssh.auth.username = config.string(QStringLiteral("username"));
    if (ssh.auth.username.isEmpty())
        result.errors << QStringLiteral("username must be set");
    ssh.auth.password = config.string(QStringLiteral("password"));
    ssh.auth.privateKeyFile = config.string(QStringLiteral("private_key_file"));
    if (ssh.auth.password.isEmpty() && ssh.auth.privateKeyFile.isEmpty())
        result.errors << QStringLiteral("password or private_key_file must be set");
    ssh.expectedHostKey = config.string(QStringLiteral("host_key"));
    knownHostsFile = config.string(QStringLiteral("known_hosts_file"));
    if (!knownHostsFile.isEmpty() && !ssh.expectedHostKey.isEmpty())
        result.errors << QStringLiteral("known_hosts_file and host_key cannot both be set");
    remoteDir = config.string(QStringLiteral("remote_dir"));
    resumable = config.boolean(QStringLiteral("resumable"), true);
    const QString fileMode = config.string(QStringLiteral("file_mode"), QStringLiteral("0644"));
    bool ok = false;
    mode = fileMode.toInt(&ok, 8);
    if (!ok || mode < 0 || mode > 07777)
        result.errors << QStringLiteral("file_mode must be an octal mode like \"0644\", got %1")
                             .arg(fileMode);
    QString durationError;
    const auto timeout = config.durationMs(QStringLiteral("timeout"), 30000, &durationError);
    if (!timeout)
        result.errors << QStringLiteral("timeout: %1").arg(durationError);
    else
        timeoutMs = *timeout;
    ssh.fileTransferMethod = QStringLiteral("sftp");
    ssh.timeoutMs = timeoutMs;
    ssh.handshakeAttempts = 1;
    return result;
}

} // namespace kiln::components
