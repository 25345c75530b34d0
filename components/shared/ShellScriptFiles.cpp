#include "components/shared/ShellScriptFiles.h"

#include "components/shared/LocalFileSettings.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace kiln::components {

QString ShellScriptFiles::openError(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::close(fd);
        return {};
    }
    return QStringLiteral("open %1: %2").arg(path, LocalFileSettings::errnoText(errno));
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
            *error = QStringLiteral("open %1: %2").arg(path, LocalFileSettings::errnoText(errno));
            return {};
        }
    }
    *error = QStringLiteral("open %1/%2: file exists").arg(dir, prefix);
    return {};
}

} // namespace kiln::components
