#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace kiln::components {

// The ansible provisioner's configuration (packer-plugin-ansible's provisioner/ansible
// Config) with Packer's defaults applied and what Prepare learns from the host: the user
// running Kiln and the major version of the `command` (ansible-playbook --version), which
// picks the default inventory line. `config` is kept for its `{{ }}` context (the inventory
// template) and the build's name and type.
struct AnsibleProvisionerSettings
{
    build::ComponentConfig config;
    QString command;
    QString galaxyCommand;
    QString playbookFile;
    QString galaxyFile;
    QString hostAlias;
    QString user;
    bool userWasEmpty = false;
    QStringList extraArguments;
    QStringList envVars;
    QStringList sshExtraArgs;
    QStringList groups;
    QStringList emptyGroups;
    QString inventoryFile;
    QString inventoryDirectory;
    QString inventoryTemplate;
    bool keepInventoryFile = false;
    std::optional<bool> useProxy;
    int localPort = 0;
    QString hostKeyFile;
    QString sftpCommand; // run by the proxy adapter for the sftp subsystem
    QString authorizedKeyFile;
    QString keyType;
    QString rolesPath;
    QString collectionsPath;
    bool galaxyForce = false;
    bool galaxyForceWithDeps = false;
    int ansibleMajorVersion = 2;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
