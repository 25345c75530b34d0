#include "engine/communicator/SftpTransfer.h"

#include "engine/communicator/SshLocalTree.h"
#include "engine/communicator/SshSession.h"

#include <QDir>
#include <QFile>
#include <cstring>
#include <sys/stat.h>
#include <vector>

namespace kiln::comm {

namespace {

constexpr size_t kReadChunk = 1 << 20; // bytes read from the source per refill
constexpr size_t kInFlight = 4 << 20; // write requests kept in flight
constexpr size_t kBufferSize = kInFlight + kReadChunk;

QString statusText(unsigned long code)
{
    switch (code) {
    case LIBSSH2_FX_EOF:
        return QStringLiteral("end of file");
    case LIBSSH2_FX_NO_SUCH_FILE:
        return QStringLiteral("no such file or directory");
    case LIBSSH2_FX_PERMISSION_DENIED:
        return QStringLiteral("permission denied");
    case LIBSSH2_FX_FAILURE:
        return QStringLiteral("failure");
    case LIBSSH2_FX_NO_SUCH_PATH:
        return QStringLiteral("no such path");
    case LIBSSH2_FX_FILE_ALREADY_EXISTS:
        return QStringLiteral("file already exists");
    case LIBSSH2_FX_WRITE_PROTECT:
        return QStringLiteral("write protected");
    case LIBSSH2_FX_NO_SPACE_ON_FILESYSTEM:
        return QStringLiteral("no space left on device");
    case LIBSSH2_FX_QUOTA_EXCEEDED:
        return QStringLiteral("quota exceeded");
    case LIBSSH2_FX_NOT_A_DIRECTORY:
        return QStringLiteral("not a directory");
    default:
        return QStringLiteral("SFTP status %1").arg(code);
    }
}

QString join(const QString &dir, const QString &name)
{
    return dir.endsWith(QLatin1Char('/')) ? dir + name : dir + QLatin1Char('/') + name;
}

} // namespace

SftpTransfer::SftpTransfer(SshSession &session, build::CancelTokenPtr cancel)
    : m_session(session)
    , m_cancel(std::move(cancel))
{
    m_session.clearInterrupt();
    if (m_cancel)
        m_cancelId = m_cancel->onCancel([s = &m_session] { s->interrupt(); });
}

SftpTransfer::~SftpTransfer()
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

QString SftpTransfer::failure(const QString &what, const QString &path, int rc) const
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

QString SftpTransfer::start()
{
    if (m_sftp)
        return {};
    int rc = 0;
    m_sftp = m_session.callPtr<LIBSSH2_SFTP>(
        [&] { return libssh2_sftp_init(m_session.handle()); }, &rc);
    if (!m_sftp)
        return rc == SshSession::kCancelled
            ? QStringLiteral("cancelled")
            : QStringLiteral("sftpSession error: %1").arg(m_session.lastError());
    return {};
}

QString SftpTransfer::putFile(const QString &path, QIODevice &source, qint64 size, int mode,
    qint64 base, qint64 total, const ProgressFn &progress)
{
    const QByteArray remote = path.toUtf8();
    int rc = 0;
    LIBSSH2_SFTP_HANDLE *h = m_session.callPtr<LIBSSH2_SFTP_HANDLE>(
        [&] {
            return libssh2_sftp_open_ex(m_sftp, remote.constData(), unsigned(remote.size()),
                LIBSSH2_FXF_WRITE | LIBSSH2_FXF_CREAT | LIBSSH2_FXF_TRUNC, mode,
                LIBSSH2_SFTP_OPENFILE);
        },
        &rc);
    if (!h)
        return failure(QStringLiteral("cannot create"), path, rc);

    // A sliding window: [begin, end) is data libssh2 has not seen acknowledged; it must be
    // passed again, from `begin`, on every call; new data is appended behind it.
    std::vector<char> buffer(kBufferSize);
    size_t begin = 0, end = 0;
    qint64 sent = 0, read = 0;
    bool eof = false;
    QString error;
    while (error.isEmpty()) {
        if (!eof && end - begin < kInFlight) {
            if (begin > 0 && end + kReadChunk > buffer.size()) {
                std::memmove(buffer.data(), buffer.data() + begin, end - begin);
                end -= begin;
                begin = 0;
            }
            qint64 want = qint64(kReadChunk);
            if (size >= 0)
                want = qMin(want, size - read);
            const qint64 n = want > 0 ? source.read(buffer.data() + end, want) : 0;
            if (n < 0) {
                error = QStringLiteral("reading the upload source: %1").arg(source.errorString());
                break;
            }
            if (n == 0 && (want <= 0 || source.atEnd() || !source.waitForReadyRead(-1)))
                eof = true;
            end += size_t(n);
            read += n;
        }
        if (begin == end) {
            if (eof)
                break;
            continue;
        }
        const ssize_t n = libssh2_sftp_write(h, buffer.data() + begin, end - begin);
        if (n > 0) {
            begin += size_t(n);
            sent += n;
            if (progress)
                progress(base + sent, total);
        } else if (n == LIBSSH2_ERROR_EAGAIN) {
            // Keep reading ahead while the window has room; wait only when it is full.
            if (eof || end - begin >= kInFlight) {
                const SshSession::Wait w = m_session.wait();
                if (w == SshSession::Wait::Cancelled)
                    error = QStringLiteral("cancelled");
            }
        } else {
            error = failure(QStringLiteral("cannot write"), path, int(n));
        }
    }
    if (error.isEmpty() && size >= 0 && sent != size)
        error = QStringLiteral("sftp: %1: the source ended after %2 of %3 bytes")
                    .arg(path)
                    .arg(sent)
                    .arg(size);
    if (error.isEmpty()) {
        // Packer chmods after writing: the server's umask must not decide the mode.
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

QString SftpTransfer::upload(
    const QString &path, QIODevice &source, qint64 size, int mode, const ProgressFn &progress)
{
    if (QString e = start(); !e.isEmpty())
        return e;
    return putFile(path, source, size, mode > 0 ? mode : 0644, 0, size, progress);
}

QString SftpTransfer::mkdirs(const QString &path, int mode, bool onlyLast)
{
    QStringList parts = path.split(QLatin1Char('/'));
    QString current = path.startsWith(QLatin1Char('/')) ? QStringLiteral("/") : QString();
    for (int i = 0; i < parts.size(); ++i) {
        if (parts[i].isEmpty())
            continue;
        current = current.isEmpty() ? parts[i] : join(current, parts[i]);
        const bool last = i == parts.size() - 1;
        if (onlyLast && !last)
            continue;
        const QByteArray p = current.toUtf8();
        LIBSSH2_SFTP_ATTRIBUTES attrs{};
        int rc = m_session.call([&] {
            return libssh2_sftp_stat_ex(
                m_sftp, p.constData(), unsigned(p.size()), LIBSSH2_SFTP_STAT, &attrs);
        });
        if (rc == 0 && !LIBSSH2_SFTP_S_ISDIR(attrs.permissions))
            return QStringLiteral("sftp: cannot create directory %1: a file is in the way")
                .arg(current);
        if (rc != 0) {
            rc = m_session.call([&] {
                return libssh2_sftp_mkdir_ex(m_sftp, p.constData(), unsigned(p.size()), 0755);
            });
            if (rc != 0)
                return failure(QStringLiteral("cannot create directory"), current, rc);
        }
        if (last) {
            attrs = {};
            attrs.flags = LIBSSH2_SFTP_ATTR_PERMISSIONS;
            attrs.permissions = unsigned(mode & 07777);
            rc = m_session.call([&] {
                return libssh2_sftp_stat_ex(
                    m_sftp, p.constData(), unsigned(p.size()), LIBSSH2_SFTP_SETSTAT, &attrs);
            });
            if (rc != 0)
                return failure(QStringLiteral("cannot chmod"), current, rc);
        }
    }
    return {};
}

QString SftpTransfer::uploadDir(const QString &remoteDir, const QString &localDir,
    const QStringList &exclude, const ProgressFn &progress)
{
    QList<SshLocalTree::Entry> entries;
    qint64 total = 0;
    QString error;
    if (!SshLocalTree::scan(localDir, exclude, &entries, &total, &error))
        return error;
    if (QString e = start(); !e.isEmpty())
        return e;
    const QString root = SshLocalTree::destinationRoot(localDir, remoteDir);
    if (QString e = mkdirs(root, root == remoteDir ? 0755 : SshLocalTree::modeOf(localDir), false);
        !e.isEmpty())
        return e;
    qint64 done = 0;
    for (const SshLocalTree::Entry &e : entries) {
        const QString target = join(root, e.relativePath);
        if (e.isDir) {
            error = mkdirs(target, e.mode, true);
        } else {
            QFile file(e.absolutePath);
            if (!file.open(QIODevice::ReadOnly))
                return QStringLiteral("open %1: %2").arg(e.absolutePath, file.errorString());
            error = putFile(target, file, e.size, e.mode & 0777, done, total, progress);
            done += e.size;
        }
        if (!error.isEmpty())
            return error;
    }
    return {};
}

QString SftpTransfer::getFile(const QString &path, QIODevice &target, qint64 base, qint64 total,
    const ProgressFn &progress, int *mode)
{
    const QByteArray remote = path.toUtf8();
    int rc = 0;
    LIBSSH2_SFTP_HANDLE *h = m_session.callPtr<LIBSSH2_SFTP_HANDLE>(
        [&] {
            return libssh2_sftp_open_ex(m_sftp, remote.constData(), unsigned(remote.size()),
                LIBSSH2_FXF_READ, 0, LIBSSH2_SFTP_OPENFILE);
        },
        &rc);
    if (!h)
        return failure(QStringLiteral("cannot open"), path, rc);
    LIBSSH2_SFTP_ATTRIBUTES attrs{};
    qint64 size = -1;
    if (m_session.call([&] { return libssh2_sftp_fstat(h, &attrs); }) == 0) {
        if (attrs.flags & LIBSSH2_SFTP_ATTR_SIZE)
            size = qint64(attrs.filesize);
        if (mode && (attrs.flags & LIBSSH2_SFTP_ATTR_PERMISSIONS))
            *mode = int(attrs.permissions & 07777);
    }
    if (total < 0)
        total = size;
    std::vector<char> buffer(kReadChunk);
    qint64 got = 0;
    QString error;
    for (;;) {
        ssize_t n = 0;
        rc = m_session.call([&] {
            n = libssh2_sftp_read(h, buffer.data(), buffer.size());
            return n < 0 ? int(n) : 0;
        });
        if (rc != 0) {
            error = failure(QStringLiteral("cannot read"), path, rc);
            break;
        }
        if (n == 0)
            break;
        if (target.write(buffer.data(), n) != n) {
            error
                = QStringLiteral("writing the download of %1: %2").arg(path, target.errorString());
            break;
        }
        got += n;
        if (progress)
            progress(base + got, total);
    }
    if (error != QLatin1String("cancelled") && !m_session.isBroken())
        m_session.call([&] { return libssh2_sftp_close_handle(h); });
    return error;
}

QString SftpTransfer::download(const QString &path, QIODevice &target, const ProgressFn &progress)
{
    if (QString e = start(); !e.isEmpty())
        return e;
    return getFile(path, target, 0, -1, progress, nullptr);
}

QString SftpTransfer::fetchTree(const QString &remote, const QString &local,
    const QString &relative, const QStringList &exclude, qint64 *done, const ProgressFn &progress)
{
    const QByteArray p = remote.toUtf8();
    int rc = 0;
    LIBSSH2_SFTP_HANDLE *dir = m_session.callPtr<LIBSSH2_SFTP_HANDLE>(
        [&] {
            return libssh2_sftp_open_ex(
                m_sftp, p.constData(), unsigned(p.size()), 0, 0, LIBSSH2_SFTP_OPENDIR);
        },
        &rc);
    if (!dir)
        return failure(QStringLiteral("cannot list"), remote, rc);
    struct Item
    {
        QString name;
        LIBSSH2_SFTP_ATTRIBUTES attrs;
    };
    QList<Item> items;
    char name[1024];
    for (;;) {
        LIBSSH2_SFTP_ATTRIBUTES attrs{};
        int n = 0;
        rc = m_session.call([&] {
            n = libssh2_sftp_readdir_ex(dir, name, sizeof name, nullptr, 0, &attrs);
            return n < 0 ? n : 0;
        });
        if (rc != 0 || n == 0)
            break;
        const QString entry = QString::fromUtf8(name, n);
        if (entry != QLatin1String(".") && entry != QLatin1String(".."))
            items.append({entry, attrs});
    }
    m_session.call([&] { return libssh2_sftp_close_handle(dir); });
    if (rc != 0)
        return failure(QStringLiteral("cannot list"), remote, rc);
    for (Item &item : items) {
        const QString rel
            = relative.isEmpty() ? item.name : relative + QLatin1Char('/') + item.name;
        if (SshLocalTree::isExcluded(rel, exclude))
            continue;
        const QString remotePath = join(remote, item.name);
        const QString localPath = local + QLatin1Char('/') + item.name;
        if (LIBSSH2_SFTP_S_ISLNK(item.attrs.permissions)) {
            const QByteArray rp = remotePath.toUtf8();
            m_session.call([&] {
                return libssh2_sftp_stat_ex(
                    m_sftp, rp.constData(), unsigned(rp.size()), LIBSSH2_SFTP_STAT, &item.attrs);
            });
        }
        QString error;
        if (LIBSSH2_SFTP_S_ISDIR(item.attrs.permissions)) {
            if (!QDir().mkpath(localPath))
                return QStringLiteral("cannot create directory %1").arg(localPath);
            error = fetchTree(remotePath, localPath, rel, exclude, done, progress);
            SshLocalTree::applyMode(localPath, int(item.attrs.permissions & 07777));
        } else {
            QFile file(localPath);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return QStringLiteral("open %1: %2").arg(localPath, file.errorString());
            int mode = 0644;
            error = getFile(remotePath, file, *done, -1, progress, &mode);
            *done += file.size();
            file.close();
            SshLocalTree::applyMode(localPath, mode);
        }
        if (!error.isEmpty())
            return error;
    }
    return {};
}

QString SftpTransfer::downloadDir(const QString &remoteDir, const QString &localDir,
    const QStringList &exclude, const ProgressFn &progress)
{
    if (QString e = start(); !e.isEmpty())
        return e;
    const QString root = SshLocalTree::destinationRoot(remoteDir, localDir);
    if (!QDir().mkpath(root))
        return QStringLiteral("cannot create directory %1").arg(root);
    qint64 done = 0;
    return fetchTree(remoteDir, root, QString(), exclude, &done, progress);
}

} // namespace kiln::comm
