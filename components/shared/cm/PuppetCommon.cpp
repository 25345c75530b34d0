#include "components/shared/cm/PuppetCommon.h"

#include "components/shared/cm/CmTemplate.h"
#include "components/shared/cm/GuestSession.h"
#include "engine/build/BuildContext.h"

namespace kiln::components {

GuestCommands PuppetCommon::guestCommands(const PuppetCommonSettings &s)
{
    return GuestCommands(s.guestOsType, !s.preventSudo);
}

QString PuppetCommon::facterVars(const PuppetCommonSettings &s)
{
    const bool windows = s.guestOsType == GuestOsSettings::windowsOs();
    QStringList vars;
    for (auto it = s.facter.cbegin(); it != s.facter.cend(); ++it)
        vars << (windows ? QStringLiteral("SET \"FACTER_%1=%2\"").arg(it.key(), it.value())
                         : QStringLiteral("FACTER_%1='%2'").arg(it.key(), it.value()));
    return vars.join(windows ? QStringLiteral(" & ") : QStringLiteral(" "));
}

QString PuppetCommon::renderCommand(const PuppetCommonSettings &s,
    const build::ComponentConfig &config, QVariantMap data, const QString &structName,
    QString *command)
{
    QString error;
    data.insert(QStringLiteral("ExtraArguments"), QString());
    const QString extra = CmTemplate::render(
        s.extraArguments.join(QLatin1Char(' ')), config.interpolation, data, structName, &error);
    if (!error.isEmpty())
        return error;
    data.insert(QStringLiteral("ExtraArguments"), extra);
    *command = CmTemplate::render(s.executeCommand, config.interpolation, data, structName, &error);
    return error;
}

QString PuppetCommon::run(build::BuildContext &ctx, GuestSession &guest,
    const PuppetCommonSettings &s, const QString &command, const QString &startPrefix)
{
    ctx.ui.message(QStringLiteral("Running Puppet: %1").arg(command));
    int status = 0;
    const QString error = guest.run(command, &status);
    if (!error.isEmpty())
        return startPrefix + error;
    // --detailed-exitcodes: 2 means changes were applied, 4 and 6 that some failed.
    if (status != 0 && status != 2 && !s.ignoreExitCodes)
        return QStringLiteral("Puppet exited with a non-zero exit status: %1").arg(status);
    return {};
}

QString PuppetCommon::clean(GuestSession &guest, const PuppetCommonSettings &s)
{
    if (!s.cleanStagingDir)
        return {};
    const QString error = guest.removeDir(s.stagingDir);
    if (!error.isEmpty())
        return QStringLiteral("Error removing staging directory: %1").arg(error);
    return {};
}

} // namespace kiln::components
