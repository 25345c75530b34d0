#pragma once

#include "components/shared/cm/GuestCommands.h"
#include "engine/build/Builder.h"
#include "engine/build/ComponentConfig.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace kiln::components {

class GuestSession;

// What puppet-masterless and puppet-server share: the per-OS defaults of packer-plugin-puppet
// (execute_command, staging directory, how facts are passed), the common options, and the
// run of the Puppet command with its --detailed-exitcodes handling.
class PuppetCommon
{
public:
    enum class Mode { Apply, Agent };

    struct Settings
    {
        QString guestOsType;
        GuestCommands commands;
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
    };

    // Reads the common keys and applies Packer's defaults. `stagingKey` is the plugin's name
    // for the staging directory (masterless says staging_directory, server staging_dir).
    // Returns false with *error for an unknown guest_os_type (Packer stops there).
    static bool read(const build::ComponentConfig &config, Mode mode, const QString &stagingKey,
        Settings *settings, QString *error);
    // Packer's checks that need no machine (elevated_user needs WinRM, which Kiln lacks).
    static QStringList validate(const build::ComponentConfig &config);

    // FACTER_name='value' pairs, sorted by name, joined the OS's way.
    static QString facterVars(const Settings &settings);
    // extra_arguments joined with spaces and rendered, then execute_command rendered, with
    // `data` as the plugin's ExecuteTemplate (ExtraArguments is filled in here).
    static QString renderCommand(const Settings &settings, const build::ComponentConfig &config,
        QVariantMap data, const QString &structName, QString *command);
    // "Running Puppet: CMD", the run, and the exit check: 0 and 2 (changes applied) pass
    // unless ignore_exit_codes. `startPrefix` wraps a failure to run at all.
    static QString run(build::BuildContext &ctx, GuestSession &guest, const Settings &settings,
        const QString &command, const QString &startPrefix);
    // Removes the staging directory when clean_staging_directory is set.
    static QString clean(GuestSession &guest, const Settings &settings);
};

} // namespace kiln::components
