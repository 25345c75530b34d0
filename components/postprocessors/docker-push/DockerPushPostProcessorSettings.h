#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QString>

namespace kiln::components {

// The docker-push post-processor's configuration (Packer's docker-push Config): whether and
// how to log in to the registry before pushing.
struct DockerPushPostProcessorSettings
{
    bool login = false;
    QString loginServer;
    QString loginUsername;
    QString loginPassword;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
