#include "components/shared/cm/GuestOsSettings.h"

namespace kiln::components {

bool GuestOsSettings::isKnownOs(const QString &osType)
{
    return osType == unixOs() || osType == windowsOs();
}

bool GuestOsSettings::read(const build::ComponentConfig &config, QString *osType, QString *error)
{
    *osType = config.string(QStringLiteral("guest_os_type")).toLower();
    if (osType->isEmpty())
        *osType = unixOs();
    if (isKnownOs(*osType))
        return true;
    *error = QStringLiteral("Invalid guest_os_type: \"%1\"").arg(*osType);
    return false;
}

} // namespace kiln::components
