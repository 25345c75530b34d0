#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace kiln::models {

// One bundled example template: a subdirectory of resources/examples.
struct Example
{
    QString name; // the subdirectory's name
    QString description; // the leading comment lines of its main file, joined
    QString mainFile; // absolute path of the file a new document starts from
    QString text() const;
};

// The example gallery's data: every subdirectory of the examples directory
// is one example; its main file is "<name>.pkr.hcl" when present, else the
// first *.pkr.hcl / *.pkr.json / *.json file by name.
class ExampleCatalog
{
public:
    // Lists `directory` (no search).
    explicit ExampleCatalog(const QString &directory);

    // Where a running kiln finds its examples: next to the executable in an
    // install (<prefix>/bin/../share/kiln/examples), in a build tree inside or
    // beside the source tree (<exe>/../resources/examples and one level up),
    // then the distribution path. The first existing directory wins; empty if none.
    static QString locate(const QString &applicationDir);
    static QStringList candidateDirectories(const QString &applicationDir);

    QString directory() const { return m_directory; }
    const QList<Example> &examples() const { return m_examples; }

    // The comment block at the top of an HCL or shell-like file, markers stripped.
    static QString leadingComment(const QString &text);

private:
    QString m_directory;
    QList<Example> m_examples;
};

} // namespace kiln::models
