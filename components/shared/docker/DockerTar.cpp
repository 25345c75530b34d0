#include "components/shared/docker/DockerTar.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <archive.h>
#include <archive_entry.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace kiln::components::docker {

namespace {

struct WriteArchive
{
    struct archive *a = archive_write_new();
    ~WriteArchive() { archive_write_free(a); }
    QString error() const { return QString::fromLocal8Bit(archive_error_string(a)); }
};

struct ReadArchive
{
    struct archive *a = archive_read_new();
    ~ReadArchive() { archive_read_free(a); }
    QString error() const { return QString::fromLocal8Bit(archive_error_string(a)); }
};

using EntryPtr = std::unique_ptr<archive_entry, decltype(&archive_entry_free)>;

bool openWrite(WriteArchive &w, const QString &tarPath)
{
    archive_write_set_format_pax_restricted(w.a);
    return archive_write_open_filename(w.a, QFile::encodeName(tarPath).constData()) == ARCHIVE_OK;
}

QString copyData(WriteArchive &w, QIODevice &source, qint64 size)
{
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    qint64 left = size;
    while (left > 0) {
        const qint64 n = source.read(buffer.data(), qMin<qint64>(left, buffer.size()));
        if (n <= 0)
            return QStringLiteral("short read: %1 bytes missing").arg(left);
        if (archive_write_data(w.a, buffer.constData(), size_t(n)) != n)
            return w.error();
        left -= n;
    }
    return {};
}

bool excluded(const QString &rel, const QStringList &exclude)
{
    for (const QString &e : exclude) {
        QString x = QDir::cleanPath(e);
        if (rel == x || rel.startsWith(x + QLatin1Char('/')))
            return true;
    }
    return false;
}

} // namespace

QString DockerTar::writeFile(
    const QString &tarPath, const QString &name, QIODevice &source, qint64 size, int mode)
{
    WriteArchive w;
    if (!openWrite(w, tarPath))
        return w.error();
    EntryPtr entry(archive_entry_new(), &archive_entry_free);
    archive_entry_set_pathname(entry.get(), name.toUtf8().constData());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), mode_t(mode & 07777));
    archive_entry_set_size(entry.get(), size);
    archive_entry_set_mtime(entry.get(), QDateTime::currentSecsSinceEpoch(), 0);
    if (archive_write_header(w.a, entry.get()) != ARCHIVE_OK)
        return QStringLiteral("Failed to write header: %1").arg(w.error());
    const QString error = copyData(w, source, size);
    if (!error.isEmpty())
        return QStringLiteral("Failed to pipe upload: %1").arg(error);
    if (archive_write_close(w.a) != ARCHIVE_OK)
        return QStringLiteral("Failed to close archive: %1").arg(w.error());
    return {};
}

QString DockerTar::writeTree(const QString &tarPath, const QString &localDir, const QString &prefix,
    const QStringList &exclude, const QString &extraName, const QString &extraFile,
    const std::function<bool(const QString &relative)> &skip)
{
    WriteArchive w;
    if (!openWrite(w, tarPath))
        return w.error();
    const QDir root(localDir);
    auto add = [&](const QFileInfo &info, const QString &rel) -> QString {
        const QString name
            = prefix.isEmpty() ? rel : (rel.isEmpty() ? prefix : prefix + QLatin1Char('/') + rel);
        if (name.isEmpty())
            return {};
        EntryPtr entry(archive_entry_new(), &archive_entry_free);
        archive_entry_set_pathname(entry.get(), name.toUtf8().constData());
        archive_entry_set_mtime(entry.get(), info.lastModified().toSecsSinceEpoch(), 0);
        struct stat st;
        if (::lstat(QFile::encodeName(info.filePath()).constData(), &st) != 0)
            return QStringLiteral("Unable to read file %1").arg(info.filePath());
        archive_entry_set_perm(entry.get(), st.st_mode & 07777);
        if (info.isSymLink()) {
            // The link's own text, not QFileInfo's resolved absolute target.
            archive_entry_set_filetype(entry.get(), AE_IFLNK);
            const QByteArray raw = QFile::encodeName(info.filePath());
            char target[4096];
            const ssize_t n = ::readlink(raw.constData(), target, sizeof target - 1);
            if (n >= 0) {
                target[n] = 0;
                archive_entry_set_symlink(entry.get(), target);
            }
        } else if (info.isDir()) {
            archive_entry_set_filetype(entry.get(), AE_IFDIR);
        } else {
            archive_entry_set_filetype(entry.get(), AE_IFREG);
            archive_entry_set_size(entry.get(), info.size());
        }
        if (archive_write_header(w.a, entry.get()) != ARCHIVE_OK)
            return QStringLiteral("Failed to write header: %1").arg(w.error());
        if (info.isFile() && !info.isSymLink()) {
            QFile f(info.filePath());
            if (!f.open(QIODevice::ReadOnly))
                return QStringLiteral("Unable to read file %1: %2")
                    .arg(info.filePath(), f.errorString());
            const QString error = copyData(w, f, info.size());
            if (!error.isEmpty())
                return error;
        }
        return {};
    };
    if (!prefix.isEmpty()) {
        const QString error = add(QFileInfo(localDir), QString());
        if (!error.isEmpty())
            return error;
    }
    if (!extraName.isEmpty()) {
        const QString error = add(QFileInfo(extraFile), extraName);
        if (!error.isEmpty())
            return error;
    }
    QDirIterator it(localDir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        const QString rel = root.relativeFilePath(info.filePath());
        if (excluded(rel, exclude) || (skip && skip(rel)))
            continue;
        const QString error = add(info, rel);
        if (!error.isEmpty())
            return error;
    }
    if (archive_write_close(w.a) != ARCHIVE_OK)
        return QStringLiteral("Failed to close archive: %1").arg(w.error());
    return {};
}

QString DockerTar::extractFirstFile(const QString &tarPath, QIODevice &target)
{
    ReadArchive r;
    archive_read_support_format_tar(r.a);
    if (archive_read_open_filename(r.a, QFile::encodeName(tarPath).constData(), 256 * 1024)
        != ARCHIVE_OK)
        return r.error();
    struct archive_entry *entry = nullptr;
    if (archive_read_next_header(r.a, &entry) != ARCHIVE_OK)
        return QStringLiteral("Failed to read header from tar stream: %1").arg(r.error());
    if (archive_entry_filetype(entry) != AE_IFREG)
        return QStringLiteral("%1 is not a regular file")
            .arg(QString::fromUtf8(archive_entry_pathname(entry)));
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    for (;;) {
        const la_ssize_t n = archive_read_data(r.a, buffer.data(), size_t(buffer.size()));
        if (n < 0)
            return QStringLiteral("Failed to pipe download: %1").arg(r.error());
        if (n == 0)
            break;
        if (target.write(buffer.constData(), n) != n)
            return QStringLiteral("Failed to pipe download: %1").arg(target.errorString());
    }
    return {};
}

QString DockerTar::extractTree(
    const QString &tarPath, const QString &localDir, const QStringList &exclude)
{
    ReadArchive r;
    archive_read_support_format_tar(r.a);
    if (archive_read_open_filename(r.a, QFile::encodeName(tarPath).constData(), 256 * 1024)
        != ARCHIVE_OK)
        return r.error();
    if (!QDir().mkpath(localDir))
        return QStringLiteral("Unable to create directory %1").arg(localDir);
    struct archive *disk = archive_write_disk_new();
    archive_write_disk_set_options(disk,
        ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_PERM | ARCHIVE_EXTRACT_SECURE_NODOTDOT
            | ARCHIVE_EXTRACT_SECURE_SYMLINKS);
    QString error;
    struct archive_entry *entry = nullptr;
    int rc;
    while ((rc = archive_read_next_header(r.a, &entry)) == ARCHIVE_OK) {
        // The archive's top entry is the remote directory itself; its contents land in localDir.
        const QString name = QString::fromUtf8(archive_entry_pathname(entry));
        const qsizetype slash = name.indexOf(QLatin1Char('/'));
        QString rel = slash < 0 ? QString() : name.mid(slash + 1);
        while (rel.endsWith(QLatin1Char('/')))
            rel.chop(1);
        if (rel.isEmpty() || excluded(rel, exclude))
            continue;
        archive_entry_set_pathname(
            entry, QFile::encodeName(localDir + QLatin1Char('/') + rel).constData());
        if (archive_write_header(disk, entry) != ARCHIVE_OK) {
            error = QString::fromLocal8Bit(archive_error_string(disk));
            break;
        }
        const void *buf;
        size_t size;
        la_int64_t offset;
        while ((rc = archive_read_data_block(r.a, &buf, &size, &offset)) == ARCHIVE_OK) {
            if (archive_write_data_block(disk, buf, size, offset) != ARCHIVE_OK) {
                error = QString::fromLocal8Bit(archive_error_string(disk));
                break;
            }
        }
        if (!error.isEmpty())
            break;
        archive_write_finish_entry(disk);
    }
    if (error.isEmpty() && rc != ARCHIVE_EOF && rc != ARCHIVE_OK)
        error = r.error();
    archive_write_close(disk);
    archive_write_free(disk);
    return error;
}

} // namespace kiln::components::docker
