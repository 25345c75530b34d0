#include "engine/communicator/SshLocalTree.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>
#include <sys/stat.h>

namespace kiln::comm {

bool SshLocalTree::isExcluded(const QString &relativePath, const QStringList &exclude)
{
    for (const QString &pattern : exclude) {
        QString p = pattern;
        while (p.endsWith(QLatin1Char('/')))
            p.chop(1);
        if (p.isEmpty())
            continue;
        if (relativePath == p || relativePath.startsWith(p + QLatin1Char('/')))
            return true;
        if (p.contains(QLatin1Char('*')) || p.contains(QLatin1Char('?'))
            || p.contains(QLatin1Char('['))) {
            const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(
                p, QRegularExpression::UnanchoredWildcardConversion));
            if (QRegularExpression(QRegularExpression::anchoredPattern(re.pattern()))
                    .match(relativePath)
                    .hasMatch())
                return true;
        }
    }
    return false;
}

bool SshLocalTree::scan(const QString &dir, const QStringList &exclude, QList<Entry> *entries,
    qint64 *totalBytes, QString *error)
{
    const QFileInfo root(dir);
    if (!root.isDir()) {
        *error = QStringLiteral("%1 is not a directory").arg(dir);
        return false;
    }
    const QString base = QDir(root.absoluteFilePath()).absolutePath(); // no trailing slash
    *totalBytes = 0;
    QDirIterator it(base, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
        QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        Entry e;
        e.absolutePath = path;
        e.relativePath = path.mid(base.size() + 1);
        if (isExcluded(e.relativePath, exclude))
            continue;
        e.isDir = info.isDir();
        e.size = e.isDir ? 0 : info.size();
        e.mode = modeOf(path);
        *totalBytes += e.size;
        entries->append(e);
    }
    // Parents sort before their children: "a" < "a/b", and '/' sorts before other characters
    // that could follow a shared prefix only if compared per component.
    std::sort(entries->begin(), entries->end(), [](const Entry &a, const Entry &b) {
        return a.relativePath.split(QLatin1Char('/')) < b.relativePath.split(QLatin1Char('/'));
    });
    return true;
}

QString SshLocalTree::destinationRoot(const QString &source, const QString &targetDir)
{
    if (source.endsWith(QLatin1Char('/')))
        return targetDir;
    QString trimmed = source;
    while (trimmed.size() > 1 && trimmed.endsWith(QLatin1Char('/')))
        trimmed.chop(1);
    const QString name = trimmed.section(QLatin1Char('/'), -1);
    if (targetDir.endsWith(QLatin1Char('/')))
        return targetDir + name;
    return targetDir + QLatin1Char('/') + name;
}

int SshLocalTree::modeOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0644;
    return int(st.st_mode & 07777);
}

void SshLocalTree::applyMode(const QString &path, int mode)
{
    ::chmod(QFile::encodeName(path).constData(), mode_t(mode & 07777));
}

QByteArray SshLocalTree::shellQuote(const QString &s)
{
    // "~/x" keeps its tilde expansion: only the part after it is quoted.
    if (s.startsWith(QLatin1String("~/")))
        return "~/" + shellQuote(s.mid(2));
    QByteArray out = "'";
    for (const char c : s.toUtf8()) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + '\'';
}

} // namespace kiln::comm
