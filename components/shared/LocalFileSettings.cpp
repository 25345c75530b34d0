#include "components/shared/LocalFileSettings.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace kiln::components {

QString LocalFileSettings::errnoText(int errnum)
{
    QString text = QString::fromLocal8Bit(std::strerror(errnum));
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

QString LocalFileSettings::statError(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) == 0)
        return {};
    return QStringLiteral("stat %1: %2").arg(path, errnoText(errno));
}

} // namespace kiln::components
