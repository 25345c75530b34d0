#include "app/models/files/ExampleCatalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace kiln::models {

namespace {

QString readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

QString mainFileOf(const QDir &dir)
{
    const QString preferred = dir.dirName() + QStringLiteral(".pkr.hcl");
    if (dir.exists(preferred))
        return dir.absoluteFilePath(preferred);
    for (const QString &pattern :
        {QStringLiteral("*.pkr.hcl"), QStringLiteral("*.pkr.json"), QStringLiteral("*.json")}) {
        const QStringList names = dir.entryList({pattern}, QDir::Files, QDir::Name);
        if (!names.isEmpty())
            return dir.absoluteFilePath(names.first());
    }
    return {};
}

} // namespace

QString Example::text() const
{
    return readAll(mainFile);
}

ExampleCatalog::ExampleCatalog(const QString &directory)
    : m_directory(directory)
{
    const QDir root(directory);
    for (const QString &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir dir(root.absoluteFilePath(name));
        const QString main = mainFileOf(dir);
        // A directory without a template is not an example (e.g. shared assets).
        if (main.isEmpty())
            continue;
        m_examples.append({name, leadingComment(readAll(main)), main});
    }
}

QStringList ExampleCatalog::candidateDirectories(const QString &applicationDir)
{
    const QDir app(applicationDir);
    return {
        QDir::cleanPath(app.absoluteFilePath(QStringLiteral("../share/kiln/examples"))),
        QDir::cleanPath(app.absoluteFilePath(QStringLiteral("../resources/examples"))),
        QDir::cleanPath(app.absoluteFilePath(QStringLiteral("../../resources/examples"))),
        QStringLiteral("/usr/share/kiln/examples"),
    };
}

QString ExampleCatalog::locate(const QString &applicationDir)
{
    for (const QString &candidate : candidateDirectories(applicationDir)) {
        if (QFileInfo(candidate).isDir())
            return candidate;
    }
    return {};
}

QString ExampleCatalog::leadingComment(const QString &text)
{
    QStringList lines;
    bool inBlock = false;
    for (QString line : text.split(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (inBlock) {
            const qsizetype end = line.indexOf(QLatin1String("*/"));
            lines << line.left(end < 0 ? line.size() : end).trimmed();
            if (end >= 0)
                inBlock = false;
            continue;
        }
        if (line.startsWith(QLatin1Char('#')))
            lines << line.mid(1).trimmed();
        else if (line.startsWith(QLatin1String("//")))
            lines << line.mid(2).trimmed();
        else if (line.startsWith(QLatin1String("/*"))) {
            const qsizetype end = line.indexOf(QLatin1String("*/"), 2);
            lines << line.mid(2, end < 0 ? -1 : end - 2).trimmed();
            inBlock = end < 0;
        } else if (line.isEmpty() && lines.isEmpty())
            continue; // blank lines before the comment
        else
            break;
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines.join(QLatin1Char(' '));
}

} // namespace kiln::models
