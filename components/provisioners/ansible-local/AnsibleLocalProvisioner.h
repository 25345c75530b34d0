#pragma once

#include "components/provisioners/ansible-local/AnsibleLocalProvisionerSettings.h"
#include "engine/build/BuildUi.h"
#include "engine/build/Provisioner.h"

#include <QString>

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

    AnsibleLocalProvisionerSettings m_settings;
};

} // namespace kiln::components
