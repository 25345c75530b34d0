#pragma once

#include "engine/registry/ComponentKind.h"

#include <QString>
#include <QStringList>

namespace kiln::cli {

// Components Kiln ships that HashiCorp Packer does not have: a template using one runs
// under `kiln build` only. The registry's ComponentDescriptor has no origin marker yet,
// so the list lives here, next to the only code that needs it (export).
class KilnOnlyComponents
{
public:
    static bool contains(registry::ComponentKind kind, const QString &type);
    // "post-processor \"image-convert\"": how a warning names the block.
    static QString blockLabel(registry::ComponentKind kind, const QString &type);
    // The warning printed (and written as a comment) for one such block.
    static QString warning(registry::ComponentKind kind, const QString &type);
};

} // namespace kiln::cli
