#pragma once

#include "engine/registry/ComponentDescriptor.h"
#include "engine/registry/Registry.h"

#include <QList>

namespace kiln::components {

// The implementation behind one runnable built-in component, keyed by the function that
// describes it (components/Descriptions.h) rather than by its type name, so that a
// renamed type cannot silently lose its implementation.
struct BuiltinFactory
{
    kiln::registry::ComponentDescriptor (*describe)();
    kiln::registry::ComponentFactory create;
};

// Every built-in component Kiln can run. The descriptions live in kiln_component_schemas
// (what the kiln executable links); this list is in kiln_components with the
// implementations, which only the runtime module, the designer and tests link.
const QList<BuiltinFactory> &builtinFactories();

// Makes the built-in components already registered (registerBuiltinDescriptions) runnable.
void attachBuiltinFactories(kiln::registry::Registry &registry);

// describe()'s descriptor with its factory attached when Kiln can run it.
kiln::registry::ComponentDescriptor runnableDescriptor(
    kiln::registry::ComponentDescriptor (*describe)());

} // namespace kiln::components
