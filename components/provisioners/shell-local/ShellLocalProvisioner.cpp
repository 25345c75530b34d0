#include "components/provisioners/shell-local/ShellLocalProvisioner.h"

#include "engine/build/BuildContext.h"

namespace kiln::components {

build::PrepareResult ShellLocalProvisioner::prepare(const build::ComponentConfig &config)
{
    return m_runner.prepare(config);
}

QString ShellLocalProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    Q_UNUSED(comm); // the host, not the machine being built
    return m_runner.run(ctx.ui, ctx.cancel, ctx.generatedData);
}

} // namespace kiln::components
