#pragma once

#include "components/shared/cm/PuppetCommon.h"
#include "engine/build/ComponentConfig.h"
#include "engine/build/Provisioner.h"

#include <QStringList>

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

    build::ComponentConfig m_config;
    PuppetCommon::Settings m_settings;
    QString m_manifestFile;
    QString m_manifestDir;
    QString m_hieraConfigPath;
    QStringList m_modulePaths;
};

} // namespace kiln::components
