#pragma once

#include "engine/build/BuildUi.h"
#include "engine/build/ComponentConfig.h"
#include "engine/build/Provisioner.h"

#include <QString>
#include <QStringList>

namespace kiln::components {

// Packer's `ansible-local` provisioner (packer-plugin-ansible provisioner/ansible-local):
// stages the playbooks, roles, collections, variables and an inventory of 127.0.0.1 into
// staging_directory through the communicator, then runs ansible-playbook with the local
// connection on the machine itself (Ansible must be installed there).
class AnsibleLocalProvisioner : public build::Provisioner
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    QString provision(build::BuildContext &ctx, comm::Communicator &comm) override;

private:
    QString stage(build::BuildContext &ctx, comm::Communicator &comm, const QString &inventory);
    QString execute(build::BuildContext &ctx, comm::Communicator &comm, const QString &inventory);
    QString runGalaxy(build::BuildContext &ctx, comm::Communicator &comm);
    QString runPlaybook(build::BuildContext &ctx, comm::Communicator &comm, const QString &playbook,
        const QString &extraArgs, const QString &inventory);
    QString runCommand(build::BuildContext &ctx, comm::Communicator &comm, const QString &command);
    QString createDir(build::BuildContext &ctx, comm::Communicator &comm, const QString &dir);
    QString uploadFile(
        build::BuildContext &ctx, comm::Communicator &comm, const QString &dst, const QString &src);
    QString uploadDir(
        build::BuildContext &ctx, comm::Communicator &comm, const QString &dst, const QString &src);

    build::ComponentConfig m_config;
    QString m_command;
    QString m_galaxyCommand;
    QString m_stagingDir;
    QString m_galaxyRolesPath;
    QString m_galaxyCollectionsPath;
    QString m_playbookFile;
    QStringList m_playbookFiles; // absolute; relative to playbook_dir once staged from it
    QString m_playbookDir;
    QStringList m_playbookPaths;
    QStringList m_rolePaths;
    QStringList m_collectionPaths;
    QString m_groupVars;
    QString m_hostVars;
    QString m_inventoryFile;
    QStringList m_inventoryGroups;
    QString m_galaxyFile;
    QStringList m_extraArguments;
    bool m_galaxyForce = false;
    bool m_cleanStaging = false;
};

} // namespace kiln::components
