#include "components/shared/cm/GuestOsSettings.h"

namespace kiln::components {

bool GuestOsSettings::isKnownOs(const QString &osType)
{
    return osType == unixOs() || osType == windowsOs();
}

} // namespace kiln::components
