#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/Provisioner.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace kiln::components {

// Packer's `ansible` provisioner (packer-plugin-ansible provisioner/ansible): runs
// ansible-playbook on the host against the machine being built, either straight at the
// communicator's SSH endpoint (use_proxy = false) or through the local SSH proxy adapter
// (SshProxyAdapter), which works for every communicator, docker included.
class AnsibleProvisioner : public build::Provisioner
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    QString provision(build::BuildContext &ctx, comm::Communicator &comm) override;

private:
    QString runAnsible(build::BuildContext &ctx, const QString &inventory,
        const QString &privateKeyFile, bool useProxy) const;
    QString runGalaxy(build::BuildContext &ctx) const;

    build::ComponentConfig m_config;
    QString m_command;
    QString m_galaxyCommand;
    QString m_playbookFile;
    QString m_galaxyFile;
    QString m_hostAlias;
    QString m_user;
    bool m_userWasEmpty = false;
    QStringList m_extraArguments;
    QStringList m_envVars;
    QStringList m_sshExtraArgs;
    QStringList m_groups;
    QStringList m_emptyGroups;
    QString m_inventoryFile;
    QString m_inventoryDirectory;
    QString m_inventoryTemplate;
    bool m_keepInventoryFile = false;
    std::optional<bool> m_useProxy;
    int m_localPort = 0;
    QString m_hostKeyFile;
    QString m_sftpCommand; // run by the proxy adapter for the sftp subsystem
    QString m_authorizedKeyFile;
    QString m_keyType;
    QString m_rolesPath;
    QString m_collectionsPath;
    bool m_galaxyForce = false;
    bool m_galaxyForceWithDeps = false;
    int m_ansibleMajorVersion = 2;
};

} // namespace kiln::components
