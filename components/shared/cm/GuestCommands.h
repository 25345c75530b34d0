#pragma once

#include "components/shared/cm/GuestOsSettings.h"

#include <QString>

namespace kiln::components {

// The commands configuration-management provisioners run on the guest to manage their
// staging directories, as packer-plugin-sdk's guestexec.GuestCommands: one spelling per
// guest OS, prefixed with `sudo ` on unix unless sudo is off. The texts are Packer's, byte for
// byte, since users match them in logs and sudoers rules.
class GuestCommands
{
public:
    GuestCommands() = default;
    GuestCommands(const QString &osType, bool sudo);

    QString chmod(const QString &path, const QString &mode) const;
    QString createDir(const QString &path) const;
    QString removeDir(const QString &path) const;
    QString statPath(const QString &path) const;
    QString movePath(const QString &source, const QString &destination) const;

    const QString &osType() const { return m_osType; }
    bool usesSudo() const { return m_sudo; }
    bool isWindows() const { return m_osType == GuestOsSettings::windowsOs(); }

private:
    QString escapePath(const QString &path) const;
    QString sudo(const QString &command) const;

    QString m_osType = GuestOsSettings::unixOs();
    bool m_sudo = true;
};

} // namespace kiln::components
