#include "components/provisioners/sleep/SleepProvisionerSettings.h"

namespace kiln::components {

build::PrepareResult SleepProvisionerSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    QString error;
    const auto duration = config.durationMs(QStringLiteral("duration"), 0, &error);
    if (!duration)
        result.errors << error;
    durationMs = qMax<qint64>(0, duration.value_or(0));
    return result;
}

} // namespace kiln::components
