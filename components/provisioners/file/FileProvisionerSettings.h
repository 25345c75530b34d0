#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QString>
#include <QStringList>

namespace kiln::components {

// The file provisioner's configuration (Packer's provisioner/file Config). `config` is kept
// for its `{{ }}` context: sources and destination are rendered at provision time.
struct FileProvisionerSettings
{
    build::ComponentConfig config;
    QString content;
    QStringList sources;
    QString destination;
    QString direction;
    bool generated = false;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
