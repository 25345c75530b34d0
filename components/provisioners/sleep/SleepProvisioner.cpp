#include "components/provisioners/sleep/SleepProvisioner.h"

#include "engine/build/BuildContext.h"

#include <QThread>

namespace kiln::components {

build::PrepareResult SleepProvisioner::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

QString SleepProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    Q_UNUSED(comm);
    if (!ctx.cancel) {
        QThread::msleep(ulong(m_settings.durationMs));
        return {};
    }
    // Go's ctx.Err() once the context is done.
    if (!ctx.cancel->sleepFor(m_settings.durationMs))
        return QStringLiteral("context canceled");
    return {};
}

} // namespace kiln::components
