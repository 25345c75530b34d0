#pragma once

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
};

} // namespace kiln::components
