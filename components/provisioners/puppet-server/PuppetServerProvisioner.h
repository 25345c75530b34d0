#pragma once

#include "components/provisioners/puppet-server/PuppetServerProvisionerSettings.h"
#include "engine/build/Provisioner.h"

namespace kiln::components {

// Packer's `puppet-server` provisioner: uploads optional client certificate and private key
// directories to the staging directory and runs `puppet agent --onetime --no-daemonize
// --detailed-exitcodes` against puppet_server on the guest.
//
// Threading: as build::Provisioner.
class PuppetServerProvisioner : public build::Provisioner
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    QString provision(build::BuildContext &ctx, comm::Communicator &comm) override;

private:
    PuppetServerProvisionerSettings m_settings;
};

} // namespace kiln::components
