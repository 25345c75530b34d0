#pragma once

#include "components/shared/cm/PuppetCommon.h"
#include "engine/build/ComponentConfig.h"
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
    build::ComponentConfig m_config;
    PuppetCommon::Settings m_settings;
    QString m_clientCertPath;
    QString m_clientPrivateKeyPath;
    QString m_puppetNode;
    QString m_puppetServer;
};

} // namespace kiln::components
