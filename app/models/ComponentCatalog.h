#pragma once

#include "engine/registry/Registry.h"

namespace kiln::models {

// The designer's registry of components: the builtins, registered once, shared
// read-only by the document's parses (worker threads), the palette and the inspector.
class ComponentCatalog
{
public:
    static const registry::Registry &registry();
    // The glyph the GUI draws for a component: its descriptor's iconName mapped onto
    // the icon set in resources/icons ("comp-terminal", ...), or its kind's icon.
    static QString iconFor(registry::ComponentKind kind, const QString &typeName);
};

} // namespace kiln::models
