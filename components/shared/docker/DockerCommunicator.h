#pragma once

#include "components/shared/docker/DockerClient.h"
#include "engine/communicator/Communicator.h"

#include <mutex>

namespace kiln::components::docker {

// Reaches a running container through the Engine API (Packer's docker communicator):
// commands run as `/bin/sh -c "(command)"` through exec, as exec_user when set, with
// stdout and stderr demultiplexed as they arrive; files move as tar streams through the
// archive endpoints. With fix_upload_owner, uploads are chowned (as root) to the user the
// container runs as, so provisioners running as that user can use them.
//
// Stdin: an attached exec cannot half-close its input over HTTP, so stdinData is written to
// the build's shared directory (mounted at container_dir) and redirected; a streamed stdin
// (stdinSource) runs the command through `docker exec -i` instead (see DockerStdinExec).
//
// Threading: commands are serialised as in Packer; a cancelled call aborts its transfer.
class DockerCommunicator : public comm::Communicator
{
public:
    struct Options
    {
        QString containerId;
        QString hostDir; // the build's temporary directory, mounted at containerDir
        QString containerDir;
        QString execUser;
        QString containerUser; // Config.User of the container; "" means root
        bool fixUploadOwner = true;
        bool pty = false;
    };

    DockerCommunicator(DockerClient client, Options options);

    QString type() const override { return QStringLiteral("docker"); }
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

private:
    // Runs a helper command as root (mkdir, chown); the error text includes its output.
    QString rootCommand(const QString &command, const build::CancelTokenPtr &cancel);
    QString fixDestinationOwner(const QString &destination, const build::CancelTokenPtr &cancel);
    QString scratchDir() const;
    QString putTar(const QString &tarPath, const QString &remoteDir,
        const comm::ProgressFn &progress, const build::CancelTokenPtr &cancel);

    DockerClient m_client;
    Options m_options;
    std::mutex m_mutex;
};

} // namespace kiln::components::docker
