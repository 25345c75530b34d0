#include "engine/communicator/NoneCommunicator.h"

namespace kiln::comm {

namespace {

QString notImplemented(const char *operation)
{
    return QStringLiteral("%1 is not implemented when communicator = 'none'")
        .arg(QLatin1String(operation));
}

} // namespace

CommandResult NoneCommunicator::run(const RemoteCommand &cmd, const build::CancelTokenPtr &cancel)
{
    Q_UNUSED(cmd);
    CommandResult result;
    // Packer's none communicator marks every command as exited with 0 without running it.
    if (cancel && cancel->isCancelled())
        result.error = QStringLiteral("cancelled");
    else
        result.exitStatus = 0;
    return result;
}

QString NoneCommunicator::upload(
    const QString &, QIODevice &, qint64, int, const ProgressFn &, const build::CancelTokenPtr &)
{
    return notImplemented("Upload");
}

QString NoneCommunicator::uploadDir(const QString &, const QString &, const QStringList &,
    const ProgressFn &, const build::CancelTokenPtr &)
{
    return notImplemented("UploadDir");
}

QString NoneCommunicator::download(
    const QString &, QIODevice &, const ProgressFn &, const build::CancelTokenPtr &)
{
    return notImplemented("Download");
}

QString NoneCommunicator::downloadDir(const QString &, const QString &, const QStringList &,
    const ProgressFn &, const build::CancelTokenPtr &)
{
    return notImplemented("DownloadDir");
}

} // namespace kiln::comm
