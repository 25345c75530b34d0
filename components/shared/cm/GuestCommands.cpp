#include "components/shared/cm/GuestCommands.h"

namespace kiln::components {

GuestCommands::GuestCommands(const QString &osType, bool sudo)
    : m_osType(osType)
    , m_sudo(sudo)
{ }

QString GuestCommands::chmod(const QString &path, const QString &mode) const
{
    // Windows has no chmod; Packer echoes what it skipped so the log still shows the step.
    if (isWindows())
        return sudo(QStringLiteral("echo 'skipping chmod %1 %2'").arg(mode, escapePath(path)));
    return sudo(QStringLiteral("chmod %1 '%2'").arg(mode, escapePath(path)));
}

QString GuestCommands::createDir(const QString &path) const
{
    if (isWindows())
        return sudo(QStringLiteral("powershell.exe -Command \"New-Item -ItemType directory -Force "
                                   "-ErrorAction SilentlyContinue -Path %1\"")
                        .arg(escapePath(path)));
    return sudo(QStringLiteral("mkdir -p '%1'").arg(escapePath(path)));
}

QString GuestCommands::removeDir(const QString &path) const
{
    if (isWindows())
        return sudo(QStringLiteral("powershell.exe -Command \"rm %1 -recurse -force\"")
                        .arg(escapePath(path)));
    return sudo(QStringLiteral("rm -rf '%1'").arg(escapePath(path)));
}

QString GuestCommands::statPath(const QString &path) const
{
    if (isWindows())
        return sudo(QStringLiteral(
            "powershell.exe -Command { if (test-path %1) { exit 0 } else { exit 1 } }")
                        .arg(escapePath(path)));
    return sudo(QStringLiteral("stat '%1'").arg(escapePath(path)));
}

QString GuestCommands::movePath(const QString &source, const QString &destination) const
{
    if (isWindows())
        return sudo(QStringLiteral("powershell.exe -Command \"mv %1 %2 -force\"")
                        .arg(escapePath(source), escapePath(destination)));
    return sudo(QStringLiteral("mv '%1' '%2'").arg(escapePath(source), escapePath(destination)));
}

QString GuestCommands::escapePath(const QString &path) const
{
    // PowerShell paths are unquoted in these commands: a backtick escapes each space.
    if (isWindows()) {
        QString escaped = path;
        return escaped.replace(QLatin1Char(' '), QLatin1String("` "));
    }
    return path;
}

QString GuestCommands::sudo(const QString &command) const
{
    if (m_osType == GuestOsSettings::unixOs() && m_sudo)
        return QStringLiteral("sudo ") + command;
    return command;
}

} // namespace kiln::components
