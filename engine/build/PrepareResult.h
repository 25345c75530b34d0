#pragma once

#include <QStringList>

namespace kiln::build {

// The outcome of prepare(): Packer's Prepare errors and warnings, in its wording.
struct PrepareResult
{
    QStringList errors;
    QStringList warnings;
    bool ok() const { return errors.isEmpty(); }
};

} // namespace kiln::build
