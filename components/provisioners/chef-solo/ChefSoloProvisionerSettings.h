#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace kiln::components {

// The chef-solo provisioner's configuration (packer-plugin-chef's provisioner/chef-solo
// Config) with Packer's defaults applied and the node attributes (json, json_string) parsed
// with their user variables rendered. `config` is kept for its `{{ }}` context:
// install_command, execute_command and solo.rb are rendered at provision time.
struct ChefSoloProvisionerSettings
{
    build::ComponentConfig config;
    QString guestOsType;
    bool windows = false;
    QString chefEnvironment;
    QString chefLicense;
    QString configTemplate;
    QStringList cookbookPaths;
    QString rolesPath;
    QString dataBagsPath;
    QString encryptedDataBagSecretPath;
    QString environmentsPath;
    QString executeCommand;
    QString installCommand;
    QStringList remoteCookbookPaths;
    QJsonObject json;
    bool preventSudo = false;
    QStringList runList;
    bool skipInstall = false;
    QString stagingDir;
    QString version;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
