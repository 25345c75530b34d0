#pragma once

#include "engine/build/CancelToken.h"

#include <QStringList>

namespace kiln::components {

// Runs qemu-img (Packer's QemuDriver.QemuImg). Returns the error, empty on success:
// "QemuImg error: <stderr>" as Packer words it.
class QemuImg
{
public:
    static QString run(const QStringList &args, const build::CancelTokenPtr &cancel, QByteArray *stdoutData = nullptr);
};

} // namespace kiln::components
