#include "components/provisioners/shell-local/ShellLocalProvisioner.h"

#include "components/shared/ShellLocalRunner.h"
#include "engine/build/BuildContext.h"

namespace kiln::components {

build::PrepareResult ShellLocalProvisioner::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

QString ShellLocalProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    Q_UNUSED(comm); // the host, not the machine being built
    return ShellLocalRunner(m_settings).run(ctx.ui, ctx.cancel, ctx.generatedData);
}

} // namespace kiln::components
