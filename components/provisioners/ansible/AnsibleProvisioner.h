#pragma once

#include "components/provisioners/ansible/AnsibleProvisionerSettings.h"
#include "engine/build/Provisioner.h"

#include <QString>

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

    AnsibleProvisionerSettings m_settings;
};

} // namespace kiln::components
