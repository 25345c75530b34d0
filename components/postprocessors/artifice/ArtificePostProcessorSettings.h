#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QStringList>

namespace kiln::components {

// The artifice post-processor's configuration (Packer's post-processor/artifice Config):
// the glob patterns naming the new artifact's files.
struct ArtificePostProcessorSettings
{
    QStringList files;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
