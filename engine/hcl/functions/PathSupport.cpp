#include "engine/hcl/functions/PathSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace kiln::hcl::functions::gopath {

QString clean(const QString &path)
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
                out.append(part);
            continue;
        }
        out.append(part);
    }
    QString r = out.join(QLatin1Char('/'));
    if (rooted)
        return QLatin1Char('/') + r;
    return r.isEmpty() ? QStringLiteral(".") : r;
}

QString join(const QString &a, const QString &b)
{
    if (a.isEmpty() && b.isEmpty())
        return QString();
    if (a.isEmpty())
        return clean(b);
    if (b.isEmpty())
        return clean(a);
    return clean(a + QLatin1Char('/') + b);
}

QString base(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral(".");
    QString p = path;
    while (p.size() > 1 && p.endsWith(QLatin1Char('/')))
        p.chop(1);
    if (p == QLatin1String("/"))
        return p;
    const qsizetype slash = p.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? p : p.mid(slash + 1);
}

QString dir(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return clean(path.left(slash + 1));
}

bool isAbs(const QString &path)
{
    return path.startsWith(QLatin1Char('/'));
}

std::optional<QString> expandHome(const QString &path, QString *error)
{
    if (!path.startsWith(QLatin1Char('~')))
        return path;
    if (path.size() > 1 && path[1] != QLatin1Char('/') && path[1] != QLatin1Char('\\')) {
        *error = QStringLiteral("cannot expand user-specific home dir");
        return std::nullopt;
    }
    QString home = qEnvironmentVariable("HOME");
    if (home.isEmpty())
        home = QDir::homePath();
    return join(home, path.mid(1));
}

QString modeString(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return QStringLiteral("----------");
    QString s;
    if (S_ISDIR(st.st_mode))
        s += QLatin1Char('d');
    else if (S_ISLNK(st.st_mode))
        s += QLatin1Char('L');
    else if (S_ISFIFO(st.st_mode))
        s += QLatin1Char('p');
    else if (S_ISSOCK(st.st_mode))
        s += QLatin1Char('S');
    else if (S_ISCHR(st.st_mode))
        s += QStringLiteral("Dc");
    else if (S_ISBLK(st.st_mode))
        s += QLatin1Char('D');
    const char *rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; ++i)
        s += (st.st_mode & (1 << (8 - i))) ? QLatin1Char(rwx[i]) : QLatin1Char('-');
    return s;
}

QString pathErrorText(const QString &op, const QString &path, int err)
{
    // Go's syscall.Errno strings are the lower-case strerror texts.
    QString reason = QString::fromLocal8Bit(std::strerror(err));
    if (!reason.isEmpty())
        reason[0] = reason[0].toLower();
    return QStringLiteral("%1 %2: %3").arg(op, path, reason);
}

} // namespace kiln::hcl::functions::gopath
