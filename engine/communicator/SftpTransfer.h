#pragma once

#include "engine/communicator/Communicator.h"

#include <libssh2_sftp.h>

namespace kiln::comm {

class SshSession;

// File transfer over the sftp subsystem (ssh_file_transfer_method = "sftp"), one SFTP
// session per operation as Packer's sftpSession. Uploads keep several MiB of write requests
// in flight (libssh2 1.10 pipelines the part of the buffer it has not seen acknowledged),
// downloads read in 1 MiB requests; neither holds a whole file in memory.
//
// A cancelled or broken transfer marks the session broken: the communicator reconnects on
// its next call rather than reuse an SFTP channel left mid-request.
class SftpTransfer
{
public:
    SftpTransfer(SshSession &session, build::CancelTokenPtr cancel);
    ~SftpTransfer();

    QString upload(
        const QString &path, QIODevice &source, qint64 size, int mode, const ProgressFn &progress);
    QString uploadDir(const QString &remoteDir, const QString &localDir, const QStringList &exclude,
        const ProgressFn &progress);
    QString download(const QString &path, QIODevice &target, const ProgressFn &progress);
    QString downloadDir(const QString &remoteDir, const QString &localDir,
        const QStringList &exclude, const ProgressFn &progress);

private:
    QString start();
    QString putFile(const QString &path, QIODevice &source, qint64 size, int mode, qint64 base,
        qint64 total, const ProgressFn &progress);
    QString getFile(const QString &path, QIODevice &target, qint64 base, qint64 total,
        const ProgressFn &progress, int *mode);
    QString mkdirs(const QString &path, int mode, bool onlyLast);
    QString fetchTree(const QString &remote, const QString &local, const QString &relative,
        const QStringList &exclude, qint64 *done, const ProgressFn &progress);
    // "sftp: <what> <path>: <reason>" from the session's last error.
    QString failure(const QString &what, const QString &path, int rc) const;

    SshSession &m_session;
    build::CancelTokenPtr m_cancel;
    int m_cancelId = 0;
    LIBSSH2_SFTP *m_sftp = nullptr;
};

} // namespace kiln::comm
