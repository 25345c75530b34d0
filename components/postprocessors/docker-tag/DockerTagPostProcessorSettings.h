#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QString>
#include <QStringList>

namespace kiln::components {

// The docker-tag post-processor's configuration (Packer's docker-tag Config): the repository
// and the tags to give the image.
struct DockerTagPostProcessorSettings
{
    QString repository;
    QStringList tags; // `tags`, then the deprecated `tag`
    bool deprecatedTag = false; // `tag` was used: warned about when the post-processor runs

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
