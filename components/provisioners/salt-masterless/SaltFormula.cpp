#include "components/provisioners/salt-masterless/SaltFormula.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrlQuery>

namespace kiln::components {

namespace {

QString git(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("git"), args);
    if (!p.waitForStarted())
        return QStringLiteral("git: %1").arg(p.errorString());
    p.closeWriteChannel();
    p.waitForFinished(-1);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("error running git %1: %2")
            .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(p.readAll()).trimmed());
    return {};
}

QString copyTree(const QString &from, const QString &to)
{
    QDirIterator it(
        from, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    const QDir base(from);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = base.relativeFilePath(path);
        if (relative == QLatin1String(".git") || relative.startsWith(QLatin1String(".git/")))
            continue;
        const QString target = to + QLatin1Char('/') + relative;
        if (it.fileInfo().isDir()) {
            if (!QDir().mkpath(target))
                return QStringLiteral("mkdir %1: permission denied").arg(target);
        } else if (!QFile::copy(path, target)) {
            return QStringLiteral("copy %1 to %2 failed").arg(path, target);
        }
    }
    return {};
}

} // namespace

SaltFormula::SaltFormula(const QString &url)
    : m_url(url)
{
    QString rest = url;
    if (rest.startsWith(QLatin1String("git::")))
        rest = rest.mid(5);
    const qsizetype query = rest.indexOf(QLatin1Char('?'));
    if (query >= 0) {
        m_ref = QUrlQuery(rest.mid(query + 1)).queryItemValue(QStringLiteral("ref"));
        rest.truncate(query);
    }
    // The subdirectory separator is the first "//" after the scheme's "://".
    const qsizetype scheme = rest.indexOf(QLatin1String("://"));
    const qsizetype split = rest.indexOf(QLatin1String("//"), scheme >= 0 ? scheme + 3 : 0);
    if (split >= 0) {
        m_repository = rest.left(split);
        m_subdir = rest.mid(split + 2);
    } else {
        m_repository = rest;
    }
    // Packer keeps a "?ref=..." in the directory name, which no state can then be named
    // after; the directory is the subdirectory's name alone.
    m_name = m_subdir.section(QLatin1Char('/'), -1);
}

QString SaltFormula::fetch(const QString &destination) const
{
    QTemporaryDir checkout;
    if (!checkout.isValid())
        return checkout.errorString();
    const QString clone = checkout.filePath(QStringLiteral("repo"));
    QString error = git({QStringLiteral("clone"), QStringLiteral("--quiet"), m_repository, clone});
    if (!error.isEmpty())
        return error;
    if (!m_ref.isEmpty()) {
        error = git({QStringLiteral("-C"), clone, QStringLiteral("checkout"),
            QStringLiteral("--quiet"), m_ref});
        if (!error.isEmpty())
            return error;
    }
    const QString source = m_subdir.isEmpty() ? clone : clone + QLatin1Char('/') + m_subdir;
    if (!QFileInfo(source).isDir())
        return QStringLiteral("source path error: stat %1: no such file or directory").arg(source);
    return copyTree(source, destination);
}

} // namespace kiln::components
