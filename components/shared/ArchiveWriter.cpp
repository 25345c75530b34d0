#include "components/shared/ArchiveWriter.h"

#include "components/shared/DeflateZipWriter.h"

#include <QFile>
#include <QFileInfo>
#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <memory>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace kiln::components {

namespace {

constexpr size_t kChunk = 1024 * 1024;

QString userName(uid_t uid)
{
    struct passwd pw
    {
    };
    struct passwd *found = nullptr;
    char buffer[4096];
    if (getpwuid_r(uid, &pw, buffer, sizeof buffer, &found) == 0 && found)
        return QString::fromLocal8Bit(found->pw_name);
    return {};
}

QString groupName(gid_t gid)
{
    struct group gr
    {
    };
    struct group *found = nullptr;
    char buffer[4096];
    if (getgrgid_r(gid, &gr, buffer, sizeof buffer, &found) == 0 && found)
        return QString::fromLocal8Bit(found->gr_name);
    return {};
}

struct FdCloser
{
    int fd;
    ~FdCloser()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

ArchiveWriter::ArchiveWriter(ByteStream &out, Format format, Filter filter, int level)
    : m_out(out)
    , m_format(format)
    , m_filter(filter)
    , m_level(level)
{ }

ArchiveWriter::~ArchiveWriter()
{
    // An unclosed zip simply stops: the central directory is never written.
    if (!m_archive)
        return;
    // An abandoned archive (failure, cancel) must not write its trailer into the stream.
    if (!m_closed)
        archive_write_fail(m_archive);
    archive_write_free(m_archive);
}

long ArchiveWriter::writeCallback(
    struct archive *a, void *client, const void *buffer, size_t length)
{
    auto *self = static_cast<ArchiveWriter *>(client);
    if (!self->m_out.write(static_cast<const char *>(buffer), qsizetype(length))) {
        archive_set_error(a, EIO, "%s", self->m_out.errorString().toLocal8Bit().constData());
        return -1;
    }
    return long(length);
}

QString ArchiveWriter::libraryError() const
{
    const char *text = m_archive ? archive_error_string(m_archive) : nullptr;
    return text ? QString::fromLocal8Bit(text) : QStringLiteral("unknown error");
}

bool ArchiveWriter::open()
{
    if (m_format == Format::Zip) {
        m_zip = std::make_unique<DeflateZipWriter>(m_out, m_level);
        return true;
    }
    m_archive = archive_write_new();
    int rc = ARCHIVE_OK;
    switch (m_format) {
    case Format::Tar:
        rc = archive_write_set_format_gnutar(m_archive);
        break;
    case Format::Zip: // handled above
        break;
    case Format::Raw:
        rc = archive_write_set_format_raw(m_archive);
        break;
    }
    switch (m_filter) {
    case Filter::None:
        break;
    case Filter::Xz:
        rc = qMin(rc, archive_write_add_filter_xz(m_archive));
        break;
    case Filter::Bzip2:
        rc = qMin(rc, archive_write_add_filter_bzip2(m_archive));
        break;
    case Filter::Lz4:
        rc = qMin(rc, archive_write_add_filter_lz4(m_archive));
        break;
    }
    if (rc < ARCHIVE_WARN) {
        m_error = libraryError();
        return false;
    }
    const QByteArray level = QByteArray::number(m_level);
    if (m_filter != Filter::None && m_level >= 0)
        archive_write_set_filter_option(m_archive, nullptr, "compression-level", level.constData());
    if (m_filter == Filter::Xz)
        archive_write_set_filter_option(m_archive, "xz", "threads", "0"); // one per core
    // No libarchive blocking: the stream below buffers, and Go's tar pads no record either.
    archive_write_set_bytes_per_block(m_archive, 0);
    if (archive_write_open2(
            m_archive, this, nullptr, &ArchiveWriter::writeCallback, nullptr, nullptr)
        != ARCHIVE_OK) {
        m_error = libraryError();
        return false;
    }
    return true;
}

bool ArchiveWriter::addFile(const QString &path, const Progress &progress)
{
    const QByteArray native = QFile::encodeName(path);
    FdCloser file{::open(native.constData(), O_RDONLY | O_CLOEXEC)};
    if (file.fd < 0) {
        m_error = QStringLiteral("Unable to read file %1: open %1: %2")
                      .arg(path, QString::fromLocal8Bit(std::strerror(errno)).toLower());
        return false;
    }
    ::posix_fadvise(file.fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    if (!beginEntry(path, file.fd))
        return false;

    std::vector<char> buffer(kChunk);
    for (;;) {
        const ssize_t n = ::read(file.fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            m_error = QStringLiteral("Failed to copy %1 data to archive: read %1: %2")
                          .arg(path, QString::fromLocal8Bit(std::strerror(errno)).toLower());
            return false;
        }
        if (n == 0)
            break;
        if (!writeData(path, buffer.data(), n))
            return false;
        if (progress && !progress(n)) {
            m_cancelled = true;
            m_error = QStringLiteral("cancelled");
            return false;
        }
    }
    return endEntry(path);
}

bool ArchiveWriter::beginEntry(const QString &path, int fd)
{
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0) {
        m_error = QStringLiteral("Unable to get fileinfo for %1: %2")
                      .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    const QByteArray native = QFile::encodeName(path);
    if (m_zip) {
        if (m_zip->beginEntry(native, quint32(st.st_mode & 07777)))
            return true;
        m_error
            = QStringLiteral("Failed to add zip header for %1: %2").arg(path, m_zip->errorString());
        return false;
    }
    std::unique_ptr<archive_entry, void (*)(archive_entry *)> entry(
        archive_entry_new(), archive_entry_free);
    if (m_format == Format::Tar)
        archive_entry_copy_pathname(
            entry.get(), QFile::encodeName(QFileInfo(path).fileName()).constData());
    else
        archive_entry_copy_pathname(entry.get(), native.constData());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), st.st_mode & 07777);
    archive_entry_set_size(entry.get(), st.st_size);
    if (m_format == Format::Tar) {
        archive_entry_set_uid(entry.get(), st.st_uid);
        archive_entry_set_gid(entry.get(), st.st_gid);
        archive_entry_copy_uname(entry.get(), userName(st.st_uid).toLocal8Bit().constData());
        archive_entry_copy_gname(entry.get(), groupName(st.st_gid).toLocal8Bit().constData());
    }
    if (archive_write_header(m_archive, entry.get()) < ARCHIVE_WARN) {
        m_error = QStringLiteral("Failed to write tar header for %1: %2").arg(path, libraryError());
        return false;
    }
    return true;
}

bool ArchiveWriter::writeData(const QString &path, const char *data, qsizetype size)
{
    if (m_zip ? m_zip->write(data, size)
              : archive_write_data(m_archive, data, size_t(size)) == la_ssize_t(size))
        return true;
    m_error = QStringLiteral("Failed to copy %1 data to archive: %2")
                  .arg(path, m_zip ? m_zip->errorString() : libraryError());
    return false;
}

bool ArchiveWriter::endEntry(const QString &path)
{
    if (!m_zip || m_zip->endEntry())
        return true;
    m_error
        = QStringLiteral("Failed to copy %1 data to archive: %2").arg(path, m_zip->errorString());
    return false;
}

bool ArchiveWriter::close()
{
    if (m_closed)
        return m_error.isEmpty();
    m_closed = true;
    if (m_zip) {
        if (m_zip->close())
            return true;
        m_error = m_zip->errorString();
        return false;
    }
    if (archive_write_close(m_archive) != ARCHIVE_OK) {
        m_error = libraryError();
        return false;
    }
    return true;
}

} // namespace kiln::components
