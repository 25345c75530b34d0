#pragma once

#include "components/provisioners/salt-masterless/SaltMasterlessProvisionerSettings.h"
#include "engine/build/Provisioner.h"

#include <QString>

namespace kiln::components {

class GuestSession;

// Packer's `salt-masterless` provisioner: optionally bootstraps Salt, stages the minion
// config, grains, state tree and pillar roots through temp_config_dir into their final
// places, and runs `salt-call --local` (highstate or custom_state) on the guest.
//
// Threading: as build::Provisioner.
class SaltMasterlessProvisioner : public build::Provisioner
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    QString provision(build::BuildContext &ctx, comm::Communicator &comm) override;

    // The guest's salt-call arguments Packer computes in Prepare (its CmdArgs), with the
    // leading space it has.
    const QString &commandArguments() const { return m_settings.cmdArgs; }

private:
    QString sudo(const QString &command) const;
    QString moveFile(build::BuildContext &ctx, GuestSession &guest, const QString &dst,
        const QString &src) const;
    QString uploadFile(build::BuildContext &ctx, GuestSession &guest, comm::Communicator &comm,
        const QString &dst, const QString &src) const;
    QString uploadDir(build::BuildContext &ctx, GuestSession &guest, comm::Communicator &comm,
        const QString &dst, const QString &src) const;
    QString stageConfigFile(build::BuildContext &ctx, GuestSession &guest, comm::Communicator &comm,
        const QString &local, const QString &name, const QString &what) const;
    QString stageTree(build::BuildContext &ctx, GuestSession &guest, comm::Communicator &comm,
        const QString &local, const QString &name, const QString &remote,
        const QString &what) const;
    QString windowsPrerequisites(build::BuildContext &ctx, GuestSession &guest) const;
    QString saltCall() const;

    SaltMasterlessProvisionerSettings m_settings;
};

} // namespace kiln::components
