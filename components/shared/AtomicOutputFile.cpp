#include "components/shared/AtomicOutputFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiln::components {

namespace {

QString systemError(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

} // namespace

AtomicOutputFile::AtomicOutputFile(QString target)
    : m_target(std::move(target))
{ }

AtomicOutputFile::~AtomicOutputFile()
{
    discard();
}

bool AtomicOutputFile::open()
{
    const QFileInfo info(m_target);
    if (!QDir().mkpath(info.absolutePath())) {
        m_error = QStringLiteral("Unable to create dir for archive %1: mkdir %2: permission denied")
                      .arg(m_target, info.absolutePath());
        return false;
    }
    QByteArray pattern = QFile::encodeName(m_target) + ".kiln-tmp-XXXXXX";
    m_fd = ::mkstemp(pattern.data());
    if (m_fd < 0) {
        m_error
            = QStringLiteral("Unable to create archive %1: %2").arg(m_target, systemError(errno));
        return false;
    }
    m_tempPath = QFile::decodeName(pattern);
    // mkstemp creates 0600; an archive is an ordinary output file (os.Create gives 0666 less
    // the usual umask). Reading the umask means setting it, which races with other threads
    // creating files, so the common result is used directly.
    ::fchmod(m_fd, 0644);
    return true;
}

bool AtomicOutputFile::write(const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t n = ::write(m_fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            m_error = QStringLiteral("write %1: %2").arg(m_target, systemError(errno));
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

bool AtomicOutputFile::commit()
{
    if (m_fd < 0)
        return false;
    const int closed = ::close(m_fd);
    m_fd = -1;
    if (closed != 0) {
        m_error = QStringLiteral("close %1: %2").arg(m_target, systemError(errno));
        return false;
    }
    if (std::rename(
            QFile::encodeName(m_tempPath).constData(), QFile::encodeName(m_target).constData())
        != 0) {
        m_error = QStringLiteral("rename %1 %2: %3").arg(m_tempPath, m_target, systemError(errno));
        return false;
    }
    m_tempPath.clear();
    return true;
}

void AtomicOutputFile::discard()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_tempPath.isEmpty()) {
        ::unlink(QFile::encodeName(m_tempPath).constData());
        m_tempPath.clear();
    }
}

} // namespace kiln::components
