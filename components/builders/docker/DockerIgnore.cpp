#include "components/builders/docker/DockerIgnore.h"

#include <QDir>
#include <QFile>

namespace kiln::components {

DockerIgnore DockerIgnore::load(const QString &contextDir)
{
    QFile f(contextDir + QStringLiteral("/.dockerignore"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return fromText(QString::fromUtf8(f.readAll()));
}

DockerIgnore DockerIgnore::fromText(const QString &text)
{
    DockerIgnore ignore;
    for (QString line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1Char('#')))
            continue;
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        Pattern p;
        if (line.startsWith(QLatin1Char('!'))) {
            p.exclusion = true;
            line = line.mid(1).trimmed();
        }
        // filepath.Clean, then the leading '/' is dropped: patterns are context-relative.
        line = QDir::cleanPath(line);
        while (line.startsWith(QLatin1Char('/')))
            line.remove(0, 1);
        if (line.isEmpty() || line == QLatin1String("."))
            continue;
        p.regex = toRegex(line);
        ignore.m_patterns << p;
    }
    return ignore;
}

QRegularExpression DockerIgnore::toRegex(const QString &pattern)
{
    QString re = QStringLiteral("^");
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('*')) {
            if (i + 1 < pattern.size() && pattern.at(i + 1) == QLatin1Char('*')) {
                ++i;
                // "**/" also matches no directory at all.
                if (i + 1 < pattern.size() && pattern.at(i + 1) == QLatin1Char('/')) {
                    ++i;
                    re += QStringLiteral("(.*/)?");
                } else {
                    re += QStringLiteral(".*");
                }
            } else {
                re += QStringLiteral("[^/]*");
            }
        } else if (c == QLatin1Char('?')) {
            re += QStringLiteral("[^/]");
        } else if (c == QLatin1Char('[')) {
            const qsizetype close = pattern.indexOf(QLatin1Char(']'), i + 1);
            if (close < 0) {
                re += QStringLiteral("\\[");
                continue;
            }
            QString cls = pattern.mid(i + 1, close - i - 1);
            if (cls.startsWith(QLatin1Char('^')))
                cls[0] = QLatin1Char('^');
            re += QLatin1Char('[') + cls + QLatin1Char(']');
            i = close;
        } else if (c == QLatin1Char('\\') && i + 1 < pattern.size()) {
            re += QRegularExpression::escape(pattern.at(++i));
        } else {
            re += QRegularExpression::escape(c);
        }
    }
    re += QLatin1Char('$');
    return QRegularExpression(re);
}

bool DockerIgnore::excludes(const QString &path) const
{
    // A pattern that matches any parent directory matches the path too.
    QStringList candidates;
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (qsizetype n = 1; n <= parts.size(); ++n)
        candidates << parts.mid(0, n).join(QLatin1Char('/'));
    bool excluded = false;
    for (const Pattern &p : m_patterns) {
        bool match = false;
        for (const QString &c : candidates) {
            if (p.regex.match(c).hasMatch()) {
                match = true;
                break;
            }
        }
        if (match)
            excluded = !p.exclusion;
    }
    return excluded;
}

} // namespace kiln::components
