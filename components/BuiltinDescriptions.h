#pragma once

#include "engine/registry/Registry.h"

namespace kiln::components {

// Registers every component Kiln ships, explicitly and in palette order, as descriptions
// only: schemas and outputs, no factories. Enough for validate, fmt, inspect, console and
// hcl2_upgrade; the kiln executable uses it so that it links none of the build runtime.
// registerBuiltins() (components/Builtins.h) also makes them runnable. Call once at
// start-up, before the registry is shared with other threads.
void registerBuiltinDescriptions(kiln::registry::Registry &registry);

} // namespace kiln::components
