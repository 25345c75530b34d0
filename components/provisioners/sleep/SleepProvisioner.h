#pragma once

#include "components/provisioners/sleep/SleepProvisionerSettings.h"
#include "engine/build/Provisioner.h"

namespace kiln::components {

// Packer's `sleep` provisioner: waits `duration`, or less when the build is cancelled.
class SleepProvisioner : public build::Provisioner
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    QString provision(build::BuildContext &ctx, comm::Communicator &comm) override;

private:
    SleepProvisionerSettings m_settings;
};

} // namespace kiln::components
