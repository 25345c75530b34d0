#pragma once

#include "components/shared/ShellLocalSettings.h"
#include "engine/build/Provisioner.h"

namespace kiln::components {

// Packer's `shell-local` provisioner: runs commands or scripts on the host, not through the
// build's communicator, with the build's generated data for `{{ .Name }}`.
class ShellLocalProvisioner : public build::Provisioner
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    QString provision(build::BuildContext &ctx, comm::Communicator &comm) override;

private:
    ShellLocalProvisionerSettings m_settings;
};

} // namespace kiln::components
