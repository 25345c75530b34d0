#pragma once

#include "components/shared/cm/PuppetCommonSettings.h"
#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QString>
#include <QStringList>

namespace kiln::components {

// The puppet-masterless provisioner's configuration (packer-plugin-puppet's
// provisioner/puppet-masterless Config) with Packer's defaults applied. `config` is kept for
// its `{{ }}` context: extra_arguments and execute_command are rendered at provision time.
struct PuppetMasterlessProvisionerSettings
{
    build::ComponentConfig config;
    PuppetCommonSettings common;
    QString manifestFile;
    QString manifestDir;
    QString hieraConfigPath;
    QStringList modulePaths;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
