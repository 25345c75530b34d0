#pragma once

#include "engine/communicator/Communicator.h"

namespace kiln::comm {

// `communicator = "none"`: the build has no way into the machine. As Packer's none
// communicator, a command "runs" at once with exit status 0 and no output (so provisioners
// that only run commands pass through), and every transfer fails with
// "<Operation> is not implemented when communicator = 'none'".
class NoneCommunicator : public Communicator
{
public:
    QString type() const override { return QStringLiteral("none"); }

    CommandResult run(const RemoteCommand &cmd, const build::CancelTokenPtr &cancel) override;
    QString upload(const QString &path, QIODevice &source, qint64 size, int mode,
        const ProgressFn &progress, const build::CancelTokenPtr &cancel) override;
    QString uploadDir(const QString &remoteDir, const QString &localDir, const QStringList &exclude,
        const ProgressFn &progress, const build::CancelTokenPtr &cancel) override;
    QString download(const QString &path, QIODevice &target, const ProgressFn &progress,
        const build::CancelTokenPtr &cancel) override;
    QString downloadDir(const QString &remoteDir, const QString &localDir,
        const QStringList &exclude, const ProgressFn &progress,
        const build::CancelTokenPtr &cancel) override;
};

} // namespace kiln::comm
