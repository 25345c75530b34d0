#pragma once

#include <QString>

#include <optional>

namespace kiln::hcl::functions {

// Go's path/filepath and go-homedir behaviour the file functions depend on.
namespace gopath {

    QString clean(const QString &path); // filepath.Clean ("" -> ".")
    QString join(const QString &a, const QString &b); // filepath.Join
    QString base(const QString &path); // filepath.Base
    QString dir(const QString &path); // filepath.Dir
    bool isAbs(const QString &path);
    // homedir.Expand: "~" and "~/..." become $HOME; "~user" is an error.
    std::optional<QString> expandHome(const QString &path, QString *error);
    // Go's os.FileMode.String() for an existing path ("drwxr-xr-x").
    QString modeString(const QString &path);
    // The "<op> <path>: <reason>" text of Go's *PathError for errno.
    QString pathErrorText(const QString &op, const QString &path, int err);

} // namespace gopath

} // namespace kiln::hcl::functions
