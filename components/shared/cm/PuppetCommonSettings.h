#pragma once

#include "engine/build/ComponentConfig.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace kiln::components {

// The settings puppet-masterless and puppet-server share, with packer-plugin-puppet's per-OS
// defaults (execute_command, staging directory, how module paths are joined). PuppetCommon
// runs the Puppet command with them.
struct PuppetCommonSettings
{
    enum class Mode { Apply, Agent };

    QString guestOsType;
    QString executeCommand;
    QStringList extraArguments;
    QMap<QString, QString> facter;
    QString stagingDir;
    QString workingDir;
    QString puppetBinDir;
    bool preventSudo = false;
    bool ignoreExitCodes = false;
    bool cleanStagingDir = false;
    // The joiner of --modulepath entries (":" on unix, ";" on Windows).
    QString modulePathJoiner;

    // Reads the common keys and applies Packer's defaults. `stagingKey` is the plugin's name
    // for the staging directory (masterless says staging_directory, server staging_dir).
    // Returns false with *error for an unknown guest_os_type (Packer stops there).
    bool read(
        const build::ComponentConfig &config, Mode mode, const QString &stagingKey, QString *error);
    // Packer's checks that need no machine (elevated_user needs WinRM, which Kiln lacks).
    static QStringList validate(const build::ComponentConfig &config);
};

} // namespace kiln::components
