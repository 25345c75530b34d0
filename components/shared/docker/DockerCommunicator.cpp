#include "components/shared/docker/DockerCommunicator.h"

#include "components/shared/docker/DockerStdinExec.h"
#include "components/shared/docker/DockerTar.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <utility>

namespace kiln::components::docker {

namespace {

QString shellQuote(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\''), QLatin1String("'\"'\"'"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QString remoteDirName(const QString &path)
{
    const QString dir = QFileInfo(path).path();
    return dir.isEmpty() ? QStringLiteral(".") : dir;
}

} // namespace

DockerCommunicator::DockerCommunicator(DockerClient client, Options options)
    : m_client(std::move(client))
    , m_options(std::move(options))
{ }

QString DockerCommunicator::scratchDir() const
{
    return m_options.hostDir.isEmpty() ? QDir::tempPath() : m_options.hostDir;
}

comm::CommandResult DockerCommunicator::run(
    const comm::RemoteCommand &cmd, const build::CancelTokenPtr &cancel)
{
    std::lock_guard lock(m_mutex);
    comm::CommandResult result;
    QString command = QStringLiteral("(%1)").arg(cmd.command);
    if (cmd.stdinSource)
        return DockerStdinExec::run(
            m_client.endpoint(), m_options.containerId, m_options.execUser, command, cmd, cancel);
    std::unique_ptr<QTemporaryFile> input;
    if (!cmd.stdinData.isEmpty()) {
        input
            = std::make_unique<QTemporaryFile>(m_options.hostDir + QStringLiteral("/stdin-XXXXXX"));
        if (m_options.hostDir.isEmpty() || !input->open()
            || input->write(cmd.stdinData) != cmd.stdinData.size() || !input->flush()) {
            result.error
                = QStringLiteral("Failed to write the command's input to the shared directory");
            return result;
        }
        input->setPermissions(QFileDevice::ReadOwner | QFileDevice::ReadGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOwner);
        command += QStringLiteral(" < ")
            + shellQuote(m_options.containerDir + QLatin1Char('/')
                + QFileInfo(input->fileName()).fileName());
    }
    int exitCode = -1;
    bool lost = false;
    const QString error = m_client.exec(m_options.containerId,
        {QStringLiteral("/bin/sh"), QStringLiteral("-c"), command}, m_options.execUser,
        m_options.pty, cmd.onStdout, cmd.onStderr, &exitCode, cancel, &lost);
    if (!error.isEmpty()) {
        // The daemon died under a running command: as a dropped SSH session, not a failed start.
        result.disconnected = lost;
        result.error = error;
        return result;
    }
    result.exitStatus = exitCode;
    return result;
}

QString DockerCommunicator::rootCommand(const QString &command, const build::CancelTokenPtr &cancel)
{
    QByteArray output;
    auto collect = [&output](const QByteArray &chunk) { output += chunk; };
    int exitCode = -1;
    const QString error = m_client.exec(m_options.containerId,
        {QStringLiteral("/bin/sh"), QStringLiteral("-c"), command},
        // uid 0 rather than "root": images without /etc/passwd cannot resolve the name.
        QStringLiteral("0"), false, collect, collect, &exitCode, cancel);
    if (!error.isEmpty())
        return error;
    if (exitCode != 0)
        return QStringLiteral("exit status %1, %2")
            .arg(exitCode)
            .arg(QString::fromUtf8(output.trimmed()));
    return {};
}

QString DockerCommunicator::fixDestinationOwner(
    const QString &destination, const build::CancelTokenPtr &cancel)
{
    if (!m_options.fixUploadOwner)
        return {};
    const QString owner
        = m_options.containerUser.isEmpty() ? QStringLiteral("0") : m_options.containerUser;
    const QString error = rootCommand(
        QStringLiteral("chown -R %1 %2").arg(shellQuote(owner), shellQuote(destination)), cancel);
    if (!error.isEmpty())
        return QStringLiteral("Failed to set owner of the uploaded file: %1").arg(error);
    return {};
}

QString DockerCommunicator::putTar(const QString &tarPath, const QString &remoteDir,
    const comm::ProgressFn &progress, const build::CancelTokenPtr &cancel)
{
    QFile tar(tarPath);
    if (!tar.open(QIODevice::ReadOnly))
        return QStringLiteral("Failed to open %1: %2").arg(tarPath, tar.errorString());
    return m_client.putArchive(m_options.containerId, remoteDir, tar, tar.size(), progress, cancel);
}

QString DockerCommunicator::upload(const QString &path, QIODevice &source, qint64 size, int mode,
    const comm::ProgressFn &progress, const build::CancelTokenPtr &cancel)
{
    std::lock_guard lock(m_mutex);
    // A tar header needs the size first: input of unknown length is spooled to disk.
    QTemporaryFile spool(scratchDir() + QStringLiteral("/upload-XXXXXX"));
    QIODevice *from = &source;
    if (size < 0) {
        if (!spool.open())
            return QStringLiteral("Failed to open temp file for writing: %1")
                .arg(spool.errorString());
        QByteArray buffer(256 * 1024, Qt::Uninitialized);
        qint64 n;
        while ((n = source.read(buffer.data(), buffer.size())) > 0) {
            if (spool.write(buffer.constData(), n) != n)
                return QStringLiteral("Failed to copy upload file to tempfile: %1")
                    .arg(spool.errorString());
        }
        size = spool.size();
        spool.seek(0);
        from = &spool;
    }
    QTemporaryFile tar(scratchDir() + QStringLiteral("/upload-XXXXXX.tar"));
    if (!tar.open())
        return QStringLiteral("Failed to open temp file for writing: %1").arg(tar.errorString());
    QString error = DockerTar::writeFile(
        tar.fileName(), QFileInfo(path).fileName(), *from, size, mode > 0 ? mode : 0644);
    if (!error.isEmpty())
        return error;
    error = putTar(tar.fileName(), remoteDirName(path), progress, cancel);
    if (!error.isEmpty())
        return QStringLiteral("Failed to upload to '%1' in container: %2.").arg(path, error);
    return fixDestinationOwner(path, cancel);
}

QString DockerCommunicator::uploadDir(const QString &remoteDir, const QString &localDir,
    const QStringList &exclude, const comm::ProgressFn &progress,
    const build::CancelTokenPtr &cancel)
{
    std::lock_guard lock(m_mutex);
    // rsync's rule: "src/" copies the contents into remoteDir, "src" the directory itself.
    const bool contents = localDir.endsWith(QLatin1Char('/'));
    const QString prefix = contents ? QString() : QFileInfo(QDir::cleanPath(localDir)).fileName();
    QString error = rootCommand(QStringLiteral("mkdir -p %1").arg(shellQuote(remoteDir)), cancel);
    if (!error.isEmpty())
        return QStringLiteral("Failed to upload to '%1' in container: %2.").arg(remoteDir, error);
    QTemporaryFile tar(scratchDir() + QStringLiteral("/upload-XXXXXX.tar"));
    if (!tar.open())
        return QStringLiteral("Failed to open temp file for writing: %1").arg(tar.errorString());
    error = DockerTar::writeTree(tar.fileName(), QDir::cleanPath(localDir), prefix, exclude);
    if (!error.isEmpty())
        return error;
    error = putTar(tar.fileName(), remoteDir, progress, cancel);
    if (!error.isEmpty())
        return QStringLiteral("Failed to upload to '%1' in container: %2.").arg(remoteDir, error);
    return fixDestinationOwner(
        prefix.isEmpty() ? remoteDir : remoteDir + QLatin1Char('/') + prefix, cancel);
}

QString DockerCommunicator::download(const QString &path, QIODevice &target,
    const comm::ProgressFn &progress, const build::CancelTokenPtr &cancel)
{
    std::lock_guard lock(m_mutex);
    QTemporaryFile tar(scratchDir() + QStringLiteral("/download-XXXXXX.tar"));
    if (!tar.open())
        return QStringLiteral("Failed to open temp file for writing: %1").arg(tar.errorString());
    QString error = m_client.getArchive(m_options.containerId, path, tar, progress, cancel);
    if (!error.isEmpty())
        return QStringLiteral("Error downloading file: %1").arg(error);
    tar.flush();
    return DockerTar::extractFirstFile(tar.fileName(), target);
}

QString DockerCommunicator::downloadDir(const QString &remoteDir, const QString &localDir,
    const QStringList &exclude, const comm::ProgressFn &progress,
    const build::CancelTokenPtr &cancel)
{
    std::lock_guard lock(m_mutex);
    QTemporaryFile tar(scratchDir() + QStringLiteral("/download-XXXXXX.tar"));
    if (!tar.open())
        return QStringLiteral("Failed to open temp file for writing: %1").arg(tar.errorString());
    QString src = remoteDir;
    while (src.size() > 1 && src.endsWith(QLatin1Char('/')))
        src.chop(1);
    const QString error = m_client.getArchive(m_options.containerId, src, tar, progress, cancel);
    if (!error.isEmpty())
        return QStringLiteral("Error downloading directory: %1").arg(error);
    tar.flush();
    return DockerTar::extractTree(tar.fileName(), localDir, exclude);
}

} // namespace kiln::components::docker
