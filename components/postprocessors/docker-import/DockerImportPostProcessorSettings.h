#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QString>
#include <QStringList>

namespace kiln::components {

// The docker-import post-processor's configuration (Packer's docker-import Config): the
// repository and tag to import as, and the changes applied on import.
struct DockerImportPostProcessorSettings
{
    QString repository;
    QString tag;
    QStringList changes; // Dockerfile instructions applied to the imported image
    QString platform;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
