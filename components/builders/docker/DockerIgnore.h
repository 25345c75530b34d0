#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace kiln::components {

// The build context's .dockerignore, with the docker CLI's rules (moby patternmatcher):
// one pattern per line, `#` comments, `!` re-includes, `*` and `?` within a path element,
// `**` across elements, a matching directory excludes everything below it, and the last
// matching pattern decides.
class DockerIgnore
{
public:
    // Reads `contextDir`/.dockerignore; no file means nothing is ignored.
    static DockerIgnore load(const QString &contextDir);
    static DockerIgnore fromText(const QString &text);

    // `path` is relative to the context, with '/' separators.
    bool excludes(const QString &path) const;
    bool isEmpty() const { return m_patterns.isEmpty(); }

private:
    struct Pattern
    {
        QRegularExpression regex;
        bool exclusion = false; // a `!` pattern
    };
    static QRegularExpression toRegex(const QString &pattern);

    QList<Pattern> m_patterns;
};

} // namespace kiln::components
