#pragma once

#include <QString>

namespace kiln::components {

// Go's path/filepath and os behaviour on Unix, for components whose paths and error texts
// must match Packer's: "open x: no such file or directory", Dir/Base/Join/Clean. Paths are
// handled as text (no QDir normalisation, which differs from Go on "..", "//" and "").
class GoFilePath
{
public:
    static QString clean(const QString &path);
    static QString dir(const QString &path);
    static QString base(const QString &path);
    static QString join(const QString &a, const QString &b);

    // An *os.PathError's text: "<op> <path>: <errno text>", errno text as Go spells it.
    static QString pathError(const QString &op, const QString &path, int errnum);
    // os.MkdirAll(path, mode): empty on success, else the PathError text.
    static QString mkdirAll(const QString &path, int mode);
    // os.OpenFile: a file descriptor, or -1 with the PathError text ("open x: ...") in *error.
    static int open(const QString &path, int flags, int mode, QString *error);
};

} // namespace kiln::components
