#pragma once

#include "components/shared/cm/GuestCommands.h"
#include "components/shared/cm/PuppetCommonSettings.h"
#include "engine/build/Builder.h"
#include "engine/build/ComponentConfig.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace kiln::components {

class GuestSession;

// What puppet-masterless and puppet-server share at run time (their common settings are
// PuppetCommonSettings): how facts are passed, the rendering of execute_command, and the run
// of the Puppet command with its --detailed-exitcodes handling.
class PuppetCommon
{
public:
    // The guest's command spellings: guest_os_type's, with sudo unless prevent_sudo.
    static GuestCommands guestCommands(const PuppetCommonSettings &settings);
    // FACTER_name='value' pairs, sorted by name, joined the OS's way.
    static QString facterVars(const PuppetCommonSettings &settings);
    // extra_arguments joined with spaces and rendered, then execute_command rendered, with
    // `data` as the plugin's ExecuteTemplate (ExtraArguments is filled in here).
    static QString renderCommand(const PuppetCommonSettings &settings,
        const build::ComponentConfig &config, QVariantMap data, const QString &structName,
        QString *command);
    // "Running Puppet: CMD", the run, and the exit check: 0 and 2 (changes applied) pass
    // unless ignore_exit_codes. `startPrefix` wraps a failure to run at all.
    static QString run(build::BuildContext &ctx, GuestSession &guest,
        const PuppetCommonSettings &settings, const QString &command, const QString &startPrefix);
    // Removes the staging directory when clean_staging_directory is set.
    static QString clean(GuestSession &guest, const PuppetCommonSettings &settings);
};

} // namespace kiln::components
