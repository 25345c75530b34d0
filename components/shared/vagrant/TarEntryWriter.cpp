#include "components/shared/vagrant/TarEntryWriter.h"

#include <QDateTime>
#include <QFile>
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

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno)).toLower();
}

QByteArray userName(uid_t uid)
{
    struct passwd pw
    {
    };
    struct passwd *found = nullptr;
    char buffer[4096];
    return getpwuid_r(uid, &pw, buffer, sizeof buffer, &found) == 0 && found
        ? QByteArray(found->pw_name)
        : QByteArray();
}

QByteArray groupName(gid_t gid)
{
    struct group gr
    {
    };
    struct group *found = nullptr;
    char buffer[4096];
    return getgrgid_r(gid, &gr, buffer, sizeof buffer, &found) == 0 && found
        ? QByteArray(found->gr_name)
        : QByteArray();
}

} // namespace

TarEntryWriter::TarEntryWriter(ByteStream &out, Format format)
    : m_out(out)
    , m_format(format)
{ }

TarEntryWriter::~TarEntryWriter()
{
    if (!m_archive)
        return;
    // An abandoned archive (failure, cancel) must not write its trailer into the stream.
    if (!m_closed)
        archive_write_fail(m_archive);
    archive_write_free(m_archive);
}

long TarEntryWriter::writeCallback(
    struct archive *a, void *client, const void *buffer, size_t length)
{
    auto *self = static_cast<TarEntryWriter *>(client);
    if (!self->m_out.write(static_cast<const char *>(buffer), qsizetype(length))) {
        archive_set_error(a, EIO, "%s", self->m_out.errorString().toLocal8Bit().constData());
        return -1;
    }
    return long(length);
}

QString TarEntryWriter::libraryError() const
{
    const char *text = m_archive ? archive_error_string(m_archive) : nullptr;
    return text ? QString::fromLocal8Bit(text) : QStringLiteral("unknown error");
}

bool TarEntryWriter::open()
{
    m_archive = archive_write_new();
    const int rc = m_format == Format::Gnu ? archive_write_set_format_gnutar(m_archive)
                                           : archive_write_set_format_ustar(m_archive);
    if (rc < ARCHIVE_WARN) {
        m_error = libraryError();
        return false;
    }
    // Records are padded by the tar format itself; the sink buffers.
    archive_write_set_bytes_per_block(m_archive, 0);
    if (archive_write_open2(
            m_archive, this, nullptr, &TarEntryWriter::writeCallback, nullptr, nullptr)
        != ARCHIVE_OK) {
        m_error = libraryError();
        return false;
    }
    return true;
}

bool TarEntryWriter::writeHeader(
    const QString &entryName, qint64 size, int mode, qint64 mtime, uint uid, uint gid)
{
    std::unique_ptr<archive_entry, void (*)(archive_entry *)> entry(
        archive_entry_new(), archive_entry_free);
    archive_entry_copy_pathname(entry.get(), QFile::encodeName(entryName).constData());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), mode);
    archive_entry_set_size(entry.get(), size);
    archive_entry_set_mtime(entry.get(), time_t(mtime), 0);
    // Owner ids and names as Go's tar.FileInfoHeader records them in Packer's boxes.
    archive_entry_set_uid(entry.get(), uid);
    archive_entry_set_gid(entry.get(), gid);
    archive_entry_copy_uname(entry.get(), userName(uid).constData());
    archive_entry_copy_gname(entry.get(), groupName(gid).constData());
    if (archive_write_header(m_archive, entry.get()) < ARCHIVE_WARN) {
        m_error = QStringLiteral("Failed to write tar header for %1: %2")
                      .arg(entryName, libraryError());
        return false;
    }
    return true;
}

bool TarEntryWriter::addFile(
    const QString &source, const QString &entryName, const Progress &progress)
{
    const int fd = ::open(QFile::encodeName(source).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        m_error = QStringLiteral("open %1: %2").arg(source, systemError());
        return false;
    }
    const std::unique_ptr<int, void (*)(int *)> closer(new int(fd), [](int *f) {
        ::close(*f);
        delete f;
    });
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0) {
        m_error = QStringLiteral("stat %1: %2").arg(source, systemError());
        return false;
    }
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    if (!writeHeader(
            entryName, st.st_size, int(st.st_mode & 07777), st.st_mtime, st.st_uid, st.st_gid))
        return false;

    std::vector<char> buffer(kChunk);
    qint64 remaining = st.st_size;
    while (remaining > 0) {
        const ssize_t n
            = ::read(fd, buffer.data(), size_t(qMin<qint64>(remaining, qint64(buffer.size()))));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            m_error = QStringLiteral("read %1: %2").arg(source, systemError());
            return false;
        }
        // A file that shrank while being archived would leave a short entry: the header
        // already promised st_size bytes.
        if (n == 0) {
            m_error = QStringLiteral("%1 changed size while it was being archived").arg(source);
            return false;
        }
        if (archive_write_data(m_archive, buffer.data(), size_t(n)) != n) {
            m_error = QStringLiteral("Failed to copy %1 data to archive: %2")
                          .arg(source, libraryError());
            return false;
        }
        remaining -= n;
        if (progress && !progress(n)) {
            m_cancelled = true;
            m_error = QStringLiteral("cancelled");
            return false;
        }
    }
    return true;
}

bool TarEntryWriter::addData(const QString &entryName, const QByteArray &data)
{
    if (!writeHeader(entryName, data.size(), 0644, QDateTime::currentSecsSinceEpoch(), ::geteuid(),
            ::getegid()))
        return false;
    if (!data.isEmpty()
        && archive_write_data(m_archive, data.constData(), size_t(data.size())) != data.size()) {
        m_error = QStringLiteral("Failed to copy %1 data to archive: %2")
                      .arg(entryName, libraryError());
        return false;
    }
    return true;
}

bool TarEntryWriter::close()
{
    if (archive_write_close(m_archive) != ARCHIVE_OK) {
        m_error = libraryError();
        return false;
    }
    m_closed = true;
    return true;
}

} // namespace kiln::components
