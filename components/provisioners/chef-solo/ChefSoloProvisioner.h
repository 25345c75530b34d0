#pragma once

#include "components/provisioners/chef-solo/ChefSoloProvisionerSettings.h"
#include "engine/build/Provisioner.h"

#include <QByteArray>
#include <QString>
#include <QVariantMap>

namespace kiln::components {

class GuestSession;

// Packer's `chef-solo` provisioner: installs Chef unless skip_install, stages cookbooks,
// roles, data bags, the encrypted data bag secret and environments under staging_directory,
// writes solo.rb (Packer's template or config_template) and node.json (json_string plus
// run_list), then runs chef-solo with them.
//
// Threading: as build::Provisioner.
class ChefSoloProvisioner : public build::Provisioner
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    QString provision(build::BuildContext &ctx, comm::Communicator &comm) override;

    // Packer's DefaultConfigTemplate for solo.rb.
    static QString defaultConfigTemplate();
    // node.json as Packer writes it: the json attributes plus run_list when it is not empty.
    QByteArray nodeJson() const;

private:
    QString stage(build::BuildContext &ctx, GuestSession &guest, QVariantMap *paths) const;
    QString createConfig(build::BuildContext &ctx, GuestSession &guest, const QVariantMap &paths,
        QString *remotePath) const;
    QString createJson(build::BuildContext &ctx, GuestSession &guest, QString *remotePath) const;

    ChefSoloProvisionerSettings m_settings;
};

} // namespace kiln::components
