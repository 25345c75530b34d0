#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QString>
#include <QStringList>

namespace kiln::components {

// The ansible-local provisioner's configuration (packer-plugin-ansible's
// provisioner/ansible-local Config) with Packer's defaults applied. `config` is kept for the
// build's name and type, which go into ansible-playbook's --extra-vars.
struct AnsibleLocalProvisionerSettings
{
    // filepath.ToSlash(filepath.Join(a, b)) for the machine's paths.
    static QString joinPath(const QString &a, const QString &b);

    build::ComponentConfig config;
    QString command;
    QString galaxyCommand;
    QString stagingDir;
    QString galaxyRolesPath;
    QString galaxyCollectionsPath;
    QString playbookFile;
    QStringList playbookFiles; // absolute; relative to playbook_dir once staged from it
    QString playbookDir;
    QStringList playbookPaths;
    QStringList rolePaths;
    QStringList collectionPaths;
    QString groupVars;
    QString hostVars;
    QString inventoryFile;
    QStringList inventoryGroups;
    QString galaxyFile;
    QStringList extraArguments;
    bool galaxyForce = false;
    bool cleanStaging = false;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
