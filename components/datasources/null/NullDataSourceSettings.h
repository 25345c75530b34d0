#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QString>

namespace kiln::components {

// The null data source's configuration (Packer's datasource/null Config): its input.
struct NullDataSourceSettings
{
    QString input;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
