#pragma once

#include "engine/registry/Registry.h"

namespace kiln::components {

// Registers every component Kiln ships, explicitly and in palette order. Call once at
// start-up, before the registry is shared with other threads.
void registerBuiltins(kiln::registry::Registry &registry);

} // namespace kiln::components
