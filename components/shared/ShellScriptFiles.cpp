#include "components/shared/ShellScriptFiles.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiln::components {

namespace {

QString goErrno(int err)
{
    QString text = QString::fromLocal8Bit(std::strerror(err));
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

} // namespace

QString ShellScriptFiles::statError(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) == 0)
        return {};
    return QStringLiteral("stat %1: %2").arg(path, goErrno(errno));
}

QString ShellScriptFiles::openError(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::close(fd);
        return {};
    }
    return QStringLiteral("open %1: %2").arg(path, goErrno(errno));
}

QStringList ShellScriptFiles::badScripts(const QStringList &paths)
{
    QStringList errors;
    for (const QString &path : paths) {
        const QString error = statError(path);
        if (!error.isEmpty())
            errors << QStringLiteral("Bad script '%1': %2").arg(path, error);
    }
    return errors;
}

QString ShellScriptFiles::createTemp(const QString &prefix, QString *error)
{
    const QString dir = QDir::tempPath();
    for (int attempt = 0; attempt < 10000; ++attempt) {
        const QString path = QStringLiteral("%1/%2%3")
                                 .arg(dir, prefix)
                                 .arg(QRandomGenerator::global()->bounded(1u << 31));
        const int fd = ::open(
            QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) {
            ::close(fd);
            return path;
        }
        if (errno != EEXIST) {
            *error = QStringLiteral("open %1: %2").arg(path, goErrno(errno));
            return {};
        }
    }
    *error = QStringLiteral("open %1/%2: file exists").arg(dir, prefix);
    return {};
}

} // namespace kiln::components
