#pragma once

#include <QIODevice>
#include <QString>

namespace kiln::components {

// Packer's UnixReader (shell provisioner, unless `binary`): a script written on Windows
// runs on Linux. Every line ends in "\n", one "\r" before it is dropped, and a last line
// without newline gets one. Streams line by line; returns an error message, empty on success.
class ShellUnixText
{
public:
    static QString convert(QIODevice &in, QIODevice &out);
};

} // namespace kiln::components
