#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QString>

namespace kiln::components {

// The file builder's configuration (Packer's builder/file Config): the file to write and
// where its contents come from.
struct FileBuilderSettings
{
    QString source;
    QString target;
    QString content;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
