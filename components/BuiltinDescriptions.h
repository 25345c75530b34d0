#pragma once

#include "engine/registry/Registry.h"

#include <QList>

namespace kiln::components {

// Registers every component Kiln ships, explicitly and in palette order, as descriptions
// only: schemas and outputs, no factories. Enough for validate, fmt, inspect, console and
// hcl2_upgrade; the kiln executable uses it so that it links none of the build runtime.
// registerBuiltins() (components/Builtins.h) also makes them runnable. Call once at
// start-up, before the registry is shared with other threads.
void registerBuiltinDescriptions(kiln::registry::Registry &registry);

// One built-in component: its kind and type name, and the function that describes it
// (components/Descriptions.h), called when the registry first needs the descriptor.
struct BuiltinDescription
{
    kiln::registry::ComponentKind kind;
    const char *typeName;
    kiln::registry::ComponentDescriptor (*describe)();
};

// Every built-in component, in registration (palette) order.
const QList<BuiltinDescription> &builtinDescriptions();

} // namespace kiln::components
