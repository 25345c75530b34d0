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
    return m_settings.read(config);
}

QString SftpUploadPostProcessor::remotePath(const QString &fileName) const
{
    if (m_settings.remoteDir.isEmpty())
        return fileName;
    return m_settings.remoteDir.endsWith(QLatin1Char('/'))
        ? m_settings.remoteDir + fileName
        : m_settings.remoteDir + QLatin1Char('/') + fileName;
}

QString SftpUploadPostProcessor::url(const QString &path) const
{
    // curl's spelling: a path relative to the login directory goes under /~/.
    const QString absolute
        = path.startsWith(QLatin1Char('/')) ? path : QStringLiteral("/~/") + path;
    return QStringLiteral("sftp://%1@%2%3")
        .arg(m_settings.ssh.auth.username,
            comm::SshConfig::joinHostPort(m_settings.ssh.host, m_settings.ssh.port), absolute);
}

PostProcessResult SftpUploadPostProcessor::postProcess(BuildContext &ctx, const ArtifactPtr &input)
{
    PostProcessResult out;
    const BuildUi ui = ctx.ui.forComponent(QStringLiteral("sftp-upload"));
    const QStringList files = input ? input->files() : QStringList();

    ui.say(QStringLiteral("Connecting to %1@%2...")
               .arg(m_settings.ssh.auth.username,
                   comm::SshConfig::joinHostPort(m_settings.ssh.host, m_settings.ssh.port)));
    QString error;
    std::unique_ptr<comm::SshConnection> connection = SftpHostConnector::connect(
        m_settings.ssh, m_settings.knownHostsFile, m_settings.timeoutMs, ctx.cancel,
        [&ui](const QString &m) { ui.message(m); }, &error);
    if (!connection) {
        out.error = QStringLiteral("sftp-upload: %1").arg(error);
        return out;
    }
    SftpFileWriter sftp(connection->session(), ctx.cancel);
    error = sftp.start();
    if (error.isEmpty() && !m_settings.remoteDir.isEmpty())
        error = sftp.makeDirs(m_settings.remoteDir);
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
        if (m_settings.resumable) {
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
                remote, local, offset, m_settings.mode,
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
