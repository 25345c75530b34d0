#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

namespace kiln::components {

// The sleep provisioner's configuration (Packer's provisioner/sleep Config).
struct SleepProvisionerSettings
{
    qint64 durationMs = 0;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
