#pragma once

#include <QString>
#include <QStringList>

namespace kiln::components {

// Local script files as Packer's shell provisioners check and create them.
class ShellScriptFiles
{
public:
    // Go's os.Stat error text ("stat x: no such file or directory"), empty when it exists.
    static QString statError(const QString &path);
    // Go's os.Open error text for reading ("open x: permission denied").
    static QString openError(const QString &path);
    // Packer's "Bad script '<path>': <stat error>" for each missing script.
    static QStringList badScripts(const QStringList &paths);
    // Creates an empty file like Go's os.CreateTemp("", prefix + "*") (Packer's tmp.File):
    // <temp dir>/<prefix><random digits>. Returns its path, empty with *error on failure.
    static QString createTemp(const QString &prefix, QString *error);
};

} // namespace kiln::components
