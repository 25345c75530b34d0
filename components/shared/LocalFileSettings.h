#pragma once

#include <QString>

namespace kiln::components {

// Local files named in a configuration, checked as Packer's Prepare checks them: with Go's
// os.Stat error text. Shared by the settings readers and by the implementations that word
// their own file errors the same way.
class LocalFileSettings
{
public:
    // Go's syscall error string for errno `errnum`: glibc's text with a lower-case first
    // letter ("no such file or directory").
    static QString errnoText(int errnum);
    // Go's os.Stat error text ("stat x: no such file or directory"), empty when it exists.
    static QString statError(const QString &path);
};

} // namespace kiln::components
