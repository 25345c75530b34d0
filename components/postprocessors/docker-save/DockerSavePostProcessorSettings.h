#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QString>

namespace kiln::components {

// The docker-save post-processor's configuration (Packer's docker-save Config).
struct DockerSavePostProcessorSettings
{
    QString path; // the tar file written

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
