#pragma once

#include "components/provisioners/breakpoint/BreakpointProvisionerSettings.h"
#include "engine/build/Provisioner.h"

namespace kiln::components {

// Packer's `breakpoint` provisioner: pauses the build until the user presses Enter, asked
// through the build's Prompter (the CLI's terminal, the GUI's console pane).
class BreakpointProvisioner : public build::Provisioner
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    QString provision(build::BuildContext &ctx, comm::Communicator &comm) override;

private:
    BreakpointProvisionerSettings m_settings;
};

} // namespace kiln::components
