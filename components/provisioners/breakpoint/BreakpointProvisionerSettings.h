#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QString>

namespace kiln::components {

// The breakpoint provisioner's configuration (Packer's provisioner/breakpoint Config).
struct BreakpointProvisionerSettings
{
    QString note;
    bool disable = false;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
