#include "components/Builtins.h"

#include "components/BuiltinDescriptions.h"
#include "components/BuiltinFactories.h"

namespace kiln::components {

void registerBuiltins(kiln::registry::Registry &registry)
{
    registerBuiltinDescriptions(registry);
    attachBuiltinFactories(registry);
}

} // namespace kiln::components
