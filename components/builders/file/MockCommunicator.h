#pragma once

#include "engine/communicator/Communicator.h"

namespace kiln::components {

// What Packer's file builder hands its provisioners: packersdk.MockCommunicator. There is no
// machine, yet every call succeeds: commands "exit" 0 without output, uploads are read to
// the end and discarded, downloads produce empty files. Unlike the "none" communicator
// (where transfers fail), a template that runs a file or shell provisioner on a file source
// therefore builds, as it does under Packer.
class MockCommunicator : public comm::Communicator
{
public:
    QString type() const override { return QStringLiteral("none"); }

    comm::CommandResult run(
        const comm::RemoteCommand &cmd, const build::CancelTokenPtr &cancel) override;
    QString upload(const QString &path, QIODevice &source, qint64 size, int mode,
        const comm::ProgressFn &progress, const build::CancelTokenPtr &cancel) override;
    QString uploadDir(const QString &remoteDir, const QString &localDir, const QStringList &exclude,
        const comm::ProgressFn &progress, const build::CancelTokenPtr &cancel) override;
    QString download(const QString &path, QIODevice &target, const comm::ProgressFn &progress,
        const build::CancelTokenPtr &cancel) override;
    QString downloadDir(const QString &remoteDir, const QString &localDir,
        const QStringList &exclude, const comm::ProgressFn &progress,
        const build::CancelTokenPtr &cancel) override;
};

} // namespace kiln::components
