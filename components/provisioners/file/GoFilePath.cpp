#include "components/provisioners/file/GoFilePath.h"

#include "components/shared/LocalFileSettings.h"

#include <QFile>
#include <QStringList>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiln::components {

QString GoFilePath::clean(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral(".");
    const bool rooted = path.startsWith(QLatin1Char('/'));
    QStringList out;
    for (const QString &part : path.split(QLatin1Char('/'))) {
        if (part.isEmpty() || part == QLatin1String("."))
            continue;
        if (part == QLatin1String("..")) {
            if (!out.isEmpty() && out.last() != QLatin1String(".."))
                out.removeLast();
            else if (!rooted)
                out << part; // a relative path may climb; "/.." is "/"
            continue;
        }
        out << part;
    }
    const QString joined = out.join(QLatin1Char('/'));
    if (rooted)
        return QLatin1Char('/') + joined;
    return joined.isEmpty() ? QStringLiteral(".") : joined;
}

QString GoFilePath::dir(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return clean(path.left(slash + 1));
}

QString GoFilePath::base(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral(".");
    QString p = path;
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    if (p.isEmpty())
        return QStringLiteral("/");
    return p.mid(p.lastIndexOf(QLatin1Char('/')) + 1);
}

QString GoFilePath::join(const QString &a, const QString &b)
{
    if (a.isEmpty() && b.isEmpty())
        return {};
    if (a.isEmpty())
        return clean(b);
    if (b.isEmpty())
        return clean(a);
    return clean(a + QLatin1Char('/') + b);
}

QString GoFilePath::pathError(const QString &op, const QString &path, int errnum)
{
    return QStringLiteral("%1 %2: %3").arg(op, path, LocalFileSettings::errnoText(errnum));
}

QString GoFilePath::mkdirAll(const QString &path, int mode)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st;
    if (::stat(native.constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return {};
        return pathError(QStringLiteral("mkdir"), path, ENOTDIR);
    }
    QString parent = path;
    while (parent.endsWith(QLatin1Char('/')))
        parent.chop(1);
    const qsizetype slash = parent.lastIndexOf(QLatin1Char('/'));
    parent = slash > 0 ? parent.left(slash) : QString();
    if (!parent.isEmpty()) {
        const QString err = mkdirAll(parent, mode);
        if (!err.isEmpty())
            return err;
    }
    if (::mkdir(native.constData(), mode_t(mode)) != 0) {
        const int err = errno;
        // Another process may have made it meanwhile, as Go's MkdirAll tolerates.
        if (::stat(native.constData(), &st) == 0 && S_ISDIR(st.st_mode))
            return {};
        return pathError(QStringLiteral("mkdir"), path, err);
    }
    return {};
}

int GoFilePath::open(const QString &path, int flags, int mode, QString *error)
{
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC, mode_t(mode));
    if (fd < 0 && error)
        *error = pathError(QStringLiteral("open"), path, errno);
    return fd;
}

} // namespace kiln::components
