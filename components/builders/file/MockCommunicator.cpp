#include "components/builders/file/MockCommunicator.h"

namespace kiln::components {

namespace {

QString cancelledText()
{
    return QStringLiteral("cancelled");
}

bool isCancelled(const build::CancelTokenPtr &cancel)
{
    return cancel && cancel->isCancelled();
}

} // namespace

comm::CommandResult MockCommunicator::run(
    const comm::RemoteCommand &cmd, const build::CancelTokenPtr &cancel)
{
    Q_UNUSED(cmd);
    comm::CommandResult result;
    if (isCancelled(cancel))
        result.error = cancelledText();
    else
        result.exitStatus = 0;
    return result;
}

QString MockCommunicator::upload(const QString &path, QIODevice &source, qint64 size, int mode,
    const comm::ProgressFn &progress, const build::CancelTokenPtr &cancel)
{
    Q_UNUSED(path);
    Q_UNUSED(mode);
    // Packer's mock reads the whole upload; reading keeps progress and cancel meaningful.
    constexpr qint64 chunk = 1 << 20;
    qint64 done = 0;
    if (progress)
        progress(0, size);
    while (size < 0 || done < size) {
        if (isCancelled(cancel))
            return cancelledText();
        const qint64 n = source.skip(size < 0 ? chunk : qMin(chunk, size - done));
        if (n <= 0)
            break;
        done += n;
        if (progress)
            progress(done, size);
    }
    return {};
}

QString MockCommunicator::uploadDir(const QString &, const QString &, const QStringList &,
    const comm::ProgressFn &, const build::CancelTokenPtr &cancel)
{
    return isCancelled(cancel) ? cancelledText() : QString();
}

QString MockCommunicator::download(
    const QString &, QIODevice &, const comm::ProgressFn &, const build::CancelTokenPtr &cancel)
{
    return isCancelled(cancel) ? cancelledText() : QString();
}

QString MockCommunicator::downloadDir(const QString &, const QString &, const QStringList &,
    const comm::ProgressFn &, const build::CancelTokenPtr &cancel)
{
    return isCancelled(cancel) ? cancelledText() : QString();
}

} // namespace kiln::components
