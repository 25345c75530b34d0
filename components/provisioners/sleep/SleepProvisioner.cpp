#include "components/provisioners/sleep/SleepProvisioner.h"

#include "engine/build/BuildContext.h"

#include <QThread>

namespace kiln::components {

build::PrepareResult SleepProvisioner::prepare(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    QString error;
    const auto duration = config.durationMs(QStringLiteral("duration"), 0, &error);
    if (!duration)
        result.errors << error;
    m_durationMs = qMax<qint64>(0, duration.value_or(0));
    return result;
}

QString SleepProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    Q_UNUSED(comm);
    if (!ctx.cancel) {
        QThread::msleep(ulong(m_durationMs));
        return {};
    }
    // Go's ctx.Err() once the context is done.
    if (!ctx.cancel->sleepFor(m_durationMs))
        return QStringLiteral("context canceled");
    return {};
}

} // namespace kiln::components
