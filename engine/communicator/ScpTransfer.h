#pragma once

#include "engine/communicator/Communicator.h"

namespace kiln::comm {

class SshChannel;
class SshSession;

// File transfer with the scp protocol (Packer's default ssh_file_transfer_method). Single
// files use libssh2's scp_send64 / scp_recv2; directories speak the protocol's D/C/E records
// to `scp -rt` / `scp -rf` on an exec channel, as Packer does, since libssh2 has no
// recursive scp. Sources of unknown length are spooled to a temporary file first (scp
// announces the size up front), like Packer's scpUploadFile.
class ScpTransfer
{
public:
    ScpTransfer(SshSession &session, build::CancelTokenPtr cancel);
    ~ScpTransfer();

    QString upload(
        const QString &path, QIODevice &source, qint64 size, int mode, const ProgressFn &progress);
    QString uploadDir(const QString &remoteDir, const QString &localDir, const QStringList &exclude,
        const ProgressFn &progress);
    QString download(const QString &path, QIODevice &target, const ProgressFn &progress);
    QString downloadDir(const QString &remoteDir, const QString &localDir,
        const QStringList &exclude, const ProgressFn &progress);

private:
    // Copies `size` bytes from `source` to the channel, reporting progress from `base`.
    QString sendBody(SshChannel &channel, QIODevice &source, qint64 size, qint64 base, qint64 total,
        const ProgressFn &progress);
    // Reads one scp status byte; an error's message line is returned.
    QString readAck(SshChannel &channel);
    QString readLine(SshChannel &channel, QByteArray *line);
    QString runSimple(const QByteArray &command);
    QString failed(SshChannel &channel, int rc, const QString &what);

    SshSession &m_session;
    build::CancelTokenPtr m_cancel;
    int m_cancelId = 0;
};

} // namespace kiln::comm
