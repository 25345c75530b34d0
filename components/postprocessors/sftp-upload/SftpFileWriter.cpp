#include "components/postprocessors/sftp-upload/SftpFileWriter.h"

#include "components/shared/s3/OpenSslDigest.h"
#include "engine/communicator/SshSession.h"

#include <cstring>
#include <vector>

namespace kiln::components {

using comm::SshSession;

namespace {

constexpr qint64 kReadChunk = 1 << 20;
constexpr size_t kInFlight = 4 << 20;

QString statusText(unsigned long code)
{
    switch (code) {
    case LIBSSH2_FX_NO_SUCH_FILE:
        return QStringLiteral("no such file or directory");
    case LIBSSH2_FX_PERMISSION_DENIED:
        return QStringLiteral("permission denied");
    case LIBSSH2_FX_NO_SUCH_PATH:
        return QStringLiteral("no such path");
    case LIBSSH2_FX_NO_SPACE_ON_FILESYSTEM:
        return QStringLiteral("no space left on device");
    case LIBSSH2_FX_QUOTA_EXCEEDED:
        return QStringLiteral("quota exceeded");
    case LIBSSH2_FX_NOT_A_DIRECTORY:
        return QStringLiteral("not a directory");
    case LIBSSH2_FX_FAILURE:
        return QStringLiteral("failure");
    default:
        return QStringLiteral("SFTP status %1").arg(code);
    }
}

} // namespace

SftpFileWriter::SftpFileWriter(SshSession &session, build::CancelTokenPtr cancel)
    : m_session(session)
    , m_cancel(std::move(cancel))
{
    m_session.clearInterrupt();
    if (m_cancel)
        m_cancelId = m_cancel->onCancel([s = &m_session] { s->interrupt(); });
}

SftpFileWriter::~SftpFileWriter()
{
    if (m_cancel && m_cancelId)
        m_cancel->removeCallback(m_cancelId);
    if (m_session.isInterrupted())
        m_session.markBroken();
    if (m_sftp && !m_session.isBroken()) {
        m_session.clearInterrupt();
        m_session.call([&] { return libssh2_sftp_shutdown(m_sftp); }, QDeadlineTimer(2000));
    }
    m_session.clearInterrupt();
}

QString SftpFileWriter::failure(const QString &what, const QString &path, int rc) const
{
    if (rc == SshSession::kCancelled)
        return QStringLiteral("cancelled");
    if (SshSession::isConnectionError(rc))
        m_session.markBroken();
    const QString reason = rc == LIBSSH2_ERROR_SFTP_PROTOCOL
        ? statusText(libssh2_sftp_last_error(m_sftp))
        : m_session.lastError();
    return QStringLiteral("sftp: %1 %2: %3").arg(what, path, reason);
}

QString SftpFileWriter::start()
{
    int rc = 0;
    m_sftp = m_session.callPtr<LIBSSH2_SFTP>(
        [&] { return libssh2_sftp_init(m_session.handle()); }, &rc);
    if (!m_sftp)
        return rc == SshSession::kCancelled
            ? QStringLiteral("cancelled")
            : QStringLiteral("cannot start the SFTP subsystem: %1").arg(m_session.lastError());
    return {};
}

QString SftpFileWriter::stat(const QString &path, qint64 *size)
{
    const QByteArray p = path.toUtf8();
    LIBSSH2_SFTP_ATTRIBUTES attrs{};
    const int rc = m_session.call([&] {
        return libssh2_sftp_stat_ex(
            m_sftp, p.constData(), unsigned(p.size()), LIBSSH2_SFTP_STAT, &attrs);
    });
    if (rc == LIBSSH2_ERROR_SFTP_PROTOCOL
        && libssh2_sftp_last_error(m_sftp) == LIBSSH2_FX_NO_SUCH_FILE) {
        *size = -1;
        return {};
    }
    if (rc != 0)
        return failure(QStringLiteral("cannot stat"), path, rc);
    *size = (attrs.flags & LIBSSH2_SFTP_ATTR_SIZE) ? qint64(attrs.filesize) : 0;
    return {};
}

QString SftpFileWriter::makeDirs(const QString &dir)
{
    QString current = dir.startsWith(QLatin1Char('/')) ? QStringLiteral("/") : QString();
    for (const QString &part : dir.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        current += part;
        qint64 size = 0;
        if (QString e = stat(current, &size); !e.isEmpty())
            return e;
        if (size < 0) {
            const QByteArray p = current.toUtf8();
            const int rc = m_session.call([&] {
                return libssh2_sftp_mkdir_ex(m_sftp, p.constData(), unsigned(p.size()), 0755);
            });
            if (rc != 0)
                return failure(QStringLiteral("cannot create directory"), current, rc);
        }
        current += QLatin1Char('/');
    }
    return {};
}

QString SftpFileWriter::hashPrefix(const QString &path, qint64 length, QByteArray *digest)
{
    const QByteArray p = path.toUtf8();
    int rc = 0;
    LIBSSH2_SFTP_HANDLE *h = m_session.callPtr<LIBSSH2_SFTP_HANDLE>(
        [&] {
            return libssh2_sftp_open_ex(m_sftp, p.constData(), unsigned(p.size()), LIBSSH2_FXF_READ,
                0, LIBSSH2_SFTP_OPENFILE);
        },
        &rc);
    if (!h)
        return failure(QStringLiteral("cannot open"), path, rc);
    OpenSslDigest hash(OpenSslDigest::Algorithm::Sha256);
    std::vector<char> buffer(static_cast<size_t>(kReadChunk));
    qint64 done = 0;
    QString error;
    while (done < length) {
        const size_t want = size_t(qMin(kReadChunk, length - done));
        const int n
            = m_session.call([&] { return int(libssh2_sftp_read(h, buffer.data(), want)); });
        if (n < 0) {
            error = failure(QStringLiteral("cannot read"), path, n);
            break;
        }
        if (n == 0) {
            error = QStringLiteral("sftp: %1 ended after %2 of %3 bytes")
                        .arg(path, QString::number(done), QString::number(length));
            break;
        }
        hash.add(QByteArrayView(buffer.data(), n));
        done += n;
    }
    if (error != QLatin1String("cancelled") && !m_session.isBroken())
        m_session.call([&] { return libssh2_sftp_close_handle(h); });
    *digest = hash.result();
    return error;
}

QString SftpFileWriter::write(const QString &path, QFile &local, qint64 offset, int mode,
    const Progress &progress, qint64 *sent)
{
    *sent = 0;
    const qint64 total = local.size();
    const QByteArray p = path.toUtf8();
    unsigned long flags = LIBSSH2_FXF_WRITE | LIBSSH2_FXF_CREAT;
    if (offset == 0)
        flags |= LIBSSH2_FXF_TRUNC;
    int rc = 0;
    LIBSSH2_SFTP_HANDLE *h = m_session.callPtr<LIBSSH2_SFTP_HANDLE>(
        [&] {
            return libssh2_sftp_open_ex(
                m_sftp, p.constData(), unsigned(p.size()), flags, mode, LIBSSH2_SFTP_OPENFILE);
        },
        &rc);
    if (!h)
        return failure(QStringLiteral("cannot open"), path, rc);
    // Writes go to the handle's offset: SFTP has no append mode servers agree on.
    libssh2_sftp_seek64(h, libssh2_uint64_t(offset));
    if (!local.seek(offset)) {
        m_session.call([&] { return libssh2_sftp_close_handle(h); });
        return QStringLiteral("seek %1: %2").arg(local.fileName(), local.errorString());
    }

    // [begin, end) has not been acknowledged and must be passed again on the next call.
    std::vector<char> buffer(kInFlight + size_t(kReadChunk));
    size_t begin = 0, end = 0;
    bool eof = false;
    QString error;
    while (error.isEmpty()) {
        // The session's wait sees a cancel only when the socket is full; on a fast link it
        // may never be, so the loop asks too.
        if (m_cancel && m_cancel->isCancelled()) {
            error = QStringLiteral("cancelled");
            break;
        }
        if (!eof && end - begin < kInFlight) {
            if (begin > 0 && end + size_t(kReadChunk) > buffer.size()) {
                std::memmove(buffer.data(), buffer.data() + begin, end - begin);
                end -= begin;
                begin = 0;
            }
            const qint64 n = local.read(buffer.data() + end, kReadChunk);
            if (n < 0) {
                error = QStringLiteral("read %1: %2").arg(local.fileName(), local.errorString());
                break;
            }
            if (n == 0)
                eof = true;
            end += size_t(n);
        }
        if (begin == end) {
            if (eof)
                break;
            continue;
        }
        const ssize_t n = libssh2_sftp_write(h, buffer.data() + begin, end - begin);
        if (n > 0) {
            begin += size_t(n);
            *sent += n;
            if (progress)
                progress(offset + *sent, total);
        } else if (n == LIBSSH2_ERROR_EAGAIN) {
            if (eof || end - begin >= kInFlight) {
                if (m_session.wait() == SshSession::Wait::Cancelled)
                    error = QStringLiteral("cancelled");
            }
        } else {
            error = failure(QStringLiteral("cannot write"), path, int(n));
        }
    }
    if (error.isEmpty()) {
        LIBSSH2_SFTP_ATTRIBUTES attrs{};
        attrs.flags = LIBSSH2_SFTP_ATTR_PERMISSIONS;
        attrs.permissions = unsigned(mode & 07777);
        rc = m_session.call([&] { return libssh2_sftp_fsetstat(h, &attrs); });
        if (rc != 0)
            error = failure(QStringLiteral("cannot chmod"), path, rc);
    }
    if (error != QLatin1String("cancelled") && !m_session.isBroken()) {
        rc = m_session.call([&] { return libssh2_sftp_close_handle(h); });
        if (rc != 0 && error.isEmpty())
            error = failure(QStringLiteral("cannot close"), path, rc);
    }
    return error;
}

} // namespace kiln::components
