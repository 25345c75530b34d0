#pragma once

#include "components/provisioners/puppet-masterless/PuppetMasterlessProvisionerSettings.h"
#include "engine/build/Provisioner.h"

#include <QVariantMap>

namespace kiln::components {

class GuestSession;

// Packer's `puppet-masterless` provisioner: stages the manifest (file or directory), an
// optional manifest_dir, module paths and hiera config under staging_directory on the guest,
// then runs `puppet apply --detailed-exitcodes` there with facts passed as FACTER_* variables.
//
// Threading: as build::Provisioner.
class PuppetMasterlessProvisioner : public build::Provisioner
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    QString provision(build::BuildContext &ctx, comm::Communicator &comm) override;

private:
    QString stage(build::BuildContext &ctx, GuestSession &guest, QVariantMap *data) const;
    QString uploadManifests(build::BuildContext &ctx, GuestSession &guest, QString *remote) const;

    PuppetMasterlessProvisionerSettings m_settings;
};

} // namespace kiln::components
