#pragma once

#include "components/shared/cm/PuppetCommonSettings.h"
#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QString>

namespace kiln::components {

// The puppet-server provisioner's configuration (packer-plugin-puppet's
// provisioner/puppet-server Config) with Packer's defaults applied. `config` is kept for its
// `{{ }}` context: extra_arguments and execute_command are rendered at provision time.
struct PuppetServerProvisionerSettings
{
    build::ComponentConfig config;
    PuppetCommonSettings common;
    QString clientCertPath;
    QString clientPrivateKeyPath;
    QString puppetNode;
    QString puppetServer;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
