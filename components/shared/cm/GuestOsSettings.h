#pragma once

#include "engine/build/ComponentConfig.h"

#include <QString>

namespace kiln::components {

// guest_os_type, which the Puppet, Salt and Chef provisioners read alike: the guest OS
// families packer-plugin-sdk's guestexec knows. Part of the settings (it is checked in
// Prepare); GuestCommands spells the commands for the family at run time.
class GuestOsSettings
{
public:
    static QString unixOs() { return QStringLiteral("unix"); }
    static QString windowsOs() { return QStringLiteral("windows"); }
    static bool isKnownOs(const QString &osType);
    // The configuration's guest_os_type, lowercased as the plugins do (unix when unset);
    // false with the plugins' "Invalid guest_os_type" in *error for an unknown family.
    static bool read(const build::ComponentConfig &config, QString *osType, QString *error);
};

} // namespace kiln::components
