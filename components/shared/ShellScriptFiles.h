#pragma once

#include "components/shared/LocalFileSettings.h"

#include <QString>
#include <QStringList>

namespace kiln::components {

// Local script files as Packer's shell provisioners check and create them.
class ShellScriptFiles
{
public:
    // Go's os.Stat error text ("stat x: no such file or directory"), empty when it exists
    // (LocalFileSettings', for the implementations that word their errors as Packer's).
    static QString statError(const QString &path) { return LocalFileSettings::statError(path); }
    // Go's os.Open error text for reading ("open x: permission denied").
    static QString openError(const QString &path);
    // Creates an empty file like Go's os.CreateTemp("", prefix + "*") (Packer's tmp.File):
    // <temp dir>/<prefix><random digits>. Returns its path, empty with *error on failure.
    static QString createTemp(const QString &prefix, QString *error);
};

} // namespace kiln::components
