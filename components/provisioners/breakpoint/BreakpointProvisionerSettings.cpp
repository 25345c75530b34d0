#include "components/provisioners/breakpoint/BreakpointProvisionerSettings.h"

namespace kiln::components {

build::PrepareResult BreakpointProvisionerSettings::read(const build::ComponentConfig &config)
{
    note = config.string(QStringLiteral("note"));
    disable = config.boolean(QStringLiteral("disable"));
    return {};
}

} // namespace kiln::components
