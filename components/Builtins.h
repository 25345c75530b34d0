#pragma once

#include "engine/registry/Registry.h"

namespace kiln::components {

// Registers every component Kiln ships, explicitly and in palette order, with the
// implementations of those Kiln can run: what build, the designer and the tests use.
// (The kiln executable's light commands use registerBuiltinDescriptions() instead.)
// Call once at start-up, before the registry is shared with other threads.
void registerBuiltins(kiln::registry::Registry &registry);

} // namespace kiln::components
