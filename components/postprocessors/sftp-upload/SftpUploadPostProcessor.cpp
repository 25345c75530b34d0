#include "components/postprocessors/sftp-upload/SftpUploadPostProcessor.h"

#include "components/postprocessors/sftp-upload/SftpFileWriter.h"
#include "components/postprocessors/sftp-upload/SftpHostConnector.h"
#include "components/shared/s3/OpenSslDigest.h"
#include "components/shared/s3/ProgressThrottle.h"
#include "components/shared/s3/RemoteCopyArtifact.h"
#include "engine/build/BuildContext.h"
#include "engine/communicator/SshConnection.h"

#include <QFileInfo>

namespace kiln::components {

using namespace kiln::build;

namespace {

// SHA-256 of the first `length` bytes of a local file.
QByteArray localPrefixHash(QFile &file, qint64 length)
{
    OpenSslDigest hash(OpenSslDigest::Algorithm::Sha256);
    file.seek(0);
    qint64 left = length;
    while (left > 0) {
        const QByteArray chunk = file.read(qMin<qint64>(left, 1 << 20));
        if (chunk.isEmpty())
            break;
        hash.add(chunk);
        left -= chunk.size();
    }
    return hash.result();
}

} // namespace

PrepareResult SftpUploadPostProcessor::prepare(const ComponentConfig &config)
{
    PrepareResult result;
    m_ssh.host = config.string(QStringLiteral("host"));
    if (m_ssh.host.isEmpty())
        result.errors << QStringLiteral("host must be set");
    m_ssh.port = int(config.integer(QStringLiteral("port"), 22));
    if (m_ssh.port <= 0 || m_ssh.port > 65535)
        result.errors << QStringLiteral("port must be between 1 and 65535, got %1").arg(m_ssh.port);
    m_ssh.auth.username = config.string(QStringLiteral("username"));
    if (m_ssh.auth.username.isEmpty())
        result.errors << QStringLiteral("username must be set");
    m_ssh.auth.password = config.string(QStringLiteral("password"));
    m_ssh.auth.privateKeyFile = config.string(QStringLiteral("private_key_file"));
    if (m_ssh.auth.password.isEmpty() && m_ssh.auth.privateKeyFile.isEmpty())
        result.errors << QStringLiteral("password or private_key_file must be set");
    m_ssh.expectedHostKey = config.string(QStringLiteral("host_key"));
    m_knownHostsFile = config.string(QStringLiteral("known_hosts_file"));
    if (!m_knownHostsFile.isEmpty() && !m_ssh.expectedHostKey.isEmpty())
        result.errors << QStringLiteral("known_hosts_file and host_key cannot both be set");
    m_remoteDir = config.string(QStringLiteral("remote_dir"));
    m_resumable = config.boolean(QStringLiteral("resumable"), true);
    const QString mode = config.string(QStringLiteral("file_mode"), QStringLiteral("0644"));
    bool ok = false;
    m_mode = mode.toInt(&ok, 8);
    if (!ok || m_mode < 0 || m_mode > 07777)
        result.errors
            << QStringLiteral("file_mode must be an octal mode like \"0644\", got %1").arg(mode);
    QString durationError;
    const auto timeout = config.durationMs(QStringLiteral("timeout"), 30000, &durationError);
    if (!timeout)
        result.errors << QStringLiteral("timeout: %1").arg(durationError);
    else
        m_timeoutMs = *timeout;
    m_ssh.fileTransferMethod = QStringLiteral("sftp");
    m_ssh.timeoutMs = m_timeoutMs;
    m_ssh.handshakeAttempts = 1;
    return result;
}

QString SftpUploadPostProcessor::remotePath(const QString &fileName) const
{
    if (m_remoteDir.isEmpty())
        return fileName;
    return m_remoteDir.endsWith(QLatin1Char('/')) ? m_remoteDir + fileName
                                                  : m_remoteDir + QLatin1Char('/') + fileName;
}

QString SftpUploadPostProcessor::url(const QString &path) const
{
    // curl's spelling: a path relative to the login directory goes under /~/.
    const QString absolute
        = path.startsWith(QLatin1Char('/')) ? path : QStringLiteral("/~/") + path;
    return QStringLiteral("sftp://%1@%2%3")
        .arg(m_ssh.auth.username, comm::SshConfig::joinHostPort(m_ssh.host, m_ssh.port), absolute);
}

PostProcessResult SftpUploadPostProcessor::postProcess(BuildContext &ctx, const ArtifactPtr &input)
{
    PostProcessResult out;
    const BuildUi ui = ctx.ui.forComponent(QStringLiteral("sftp-upload"));
    const QStringList files = input ? input->files() : QStringList();

    ui.say(QStringLiteral("Connecting to %1@%2...")
               .arg(m_ssh.auth.username, comm::SshConfig::joinHostPort(m_ssh.host, m_ssh.port)));
    QString error;
    std::unique_ptr<comm::SshConnection> connection = SftpHostConnector::connect(
        m_ssh, m_knownHostsFile, m_timeoutMs, ctx.cancel,
        [&ui](const QString &m) { ui.message(m); }, &error);
    if (!connection) {
        out.error = QStringLiteral("sftp-upload: %1").arg(error);
        return out;
    }
    SftpFileWriter sftp(connection->session(), ctx.cancel);
    error = sftp.start();
    if (error.isEmpty() && !m_remoteDir.isEmpty())
        error = sftp.makeDirs(m_remoteDir);
    if (!error.isEmpty()) {
        out.error = QStringLiteral("sftp-upload: %1").arg(error);
        return out;
    }

    QStringList urls;
    for (const QString &file : files) {
        QFile local(file);
        if (!local.open(QIODevice::ReadOnly)) {
            out.error = QStringLiteral("sftp-upload: open %1: %2").arg(file, local.errorString());
            return out;
        }
        const qint64 size = local.size();
        const QString remote = remotePath(QFileInfo(file).fileName());
        qint64 offset = 0;
        if (m_resumable) {
            qint64 remoteSize = -1;
            error = sftp.stat(remote, &remoteSize);
            if (error.isEmpty() && remoteSize > 0 && remoteSize <= size) {
                QByteArray remoteDigest;
                error = sftp.hashPrefix(remote, remoteSize, &remoteDigest);
                if (error.isEmpty() && remoteDigest == localPrefixHash(local, remoteSize)) {
                    offset = remoteSize;
                    ui.message(
                        QStringLiteral("Resuming %1 at byte %2 of %3 (the remote prefix matches)")
                            .arg(remote, QString::number(offset), QString::number(size)));
                } else if (error.isEmpty()) {
                    ui.message(
                        QStringLiteral("%1 differs from %2; uploading it again").arg(remote, file));
                }
            } else if (error.isEmpty() && remoteSize > size) {
                ui.message(
                    QStringLiteral("%1 is larger than %2; uploading it again").arg(remote, file));
            }
            if (!error.isEmpty()) {
                out.error = QStringLiteral("sftp-upload: %1").arg(error);
                return out;
            }
        }
        qint64 sent = 0;
        if (offset < size || size == 0) {
            ui.message(QStringLiteral("Uploading %1 to %2 (%3 bytes)...")
                           .arg(file, url(remote), QString::number(size - offset)));
            ProgressThrottle throttle;
            error = sftp.write(
                remote, local, offset, m_mode,
                [&](qint64 done, qint64 total) {
                    if (throttle.pass(done, total))
                        ui.progress(file, done, total);
                },
                &sent);
            if (!error.isEmpty()) {
                out.error = error == QLatin1String("cancelled")
                    ? QStringLiteral("sftp-upload: upload of %1 cancelled after %2 bytes")
                          .arg(file, QString::number(offset + sent))
                    : QStringLiteral("sftp-upload: %1").arg(error);
                return out;
            }
        }
        ui.message(QStringLiteral("Uploaded %1 (sent %2 of %3 bytes)")
                       .arg(url(remote), QString::number(sent), QString::number(size)));
        urls << url(remote);
    }
    out.artifact = std::make_shared<RemoteCopyArtifact>(
        QString::fromLatin1(BuilderId), urls, files, QStringLiteral("Uploaded over SFTP"));
    out.keep = true;
    return out;
}

} // namespace kiln::components
