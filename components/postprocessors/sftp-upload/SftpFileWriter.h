#pragma once

#include "engine/build/CancelToken.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <functional>
#include <libssh2_sftp.h>

namespace kiln::comm {
class SshSession;
}

namespace kiln::components {

// The SFTP operations a resumable upload needs and the engine's SftpTransfer does not offer
// (it always truncates): stat, reading a remote file's prefix back, and writing from an
// offset into an existing file. One SFTP channel on a logged-in session; writes keep several
// MiB of requests in flight as SftpTransfer does.
//
// Threading: the thread that owns the session; a cancel from any thread interrupts the wait.
class SftpFileWriter
{
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    SftpFileWriter(comm::SshSession &session, build::CancelTokenPtr cancel);
    ~SftpFileWriter();
    SftpFileWriter(const SftpFileWriter &) = delete;
    SftpFileWriter &operator=(const SftpFileWriter &) = delete;

    QString start();
    // Creates `dir` and its missing parents.
    QString makeDirs(const QString &dir);
    // The remote file's size, -1 when it does not exist.
    QString stat(const QString &path, qint64 *size);
    // SHA-256 of the first `length` bytes of the remote file, read back over SFTP.
    QString hashPrefix(const QString &path, qint64 length, QByteArray *digest);
    // Writes `local` from byte `offset` on into `path` at the same offset; offset 0
    // truncates (or creates) the file. *sent counts the bytes written by this call.
    QString write(const QString &path, QFile &local, qint64 offset, int mode,
        const Progress &progress, qint64 *sent);

private:
    QString failure(const QString &what, const QString &path, int rc) const;

    comm::SshSession &m_session;
    build::CancelTokenPtr m_cancel;
    int m_cancelId = 0;
    LIBSSH2_SFTP *m_sftp = nullptr;
};

} // namespace kiln::components
