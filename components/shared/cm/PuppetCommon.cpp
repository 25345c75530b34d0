#include "components/shared/cm/PuppetCommon.h"

#include "components/shared/cm/CmTemplate.h"
#include "components/shared/cm/GuestSession.h"
#include "engine/build/BuildContext.h"

namespace kiln::components {

namespace {

// Packer's executeCommand templates, one per mode and OS; only the Puppet sub-command and
// its connection flags differ between apply and agent.
QString executeCommand(PuppetCommon::Mode mode, bool windows)
{
    QString head = QStringLiteral("cd {{.WorkingDir}} && ");
    if (windows)
        head += QStringLiteral("{{if ne .FacterVars \"\"}}{{.FacterVars}} && {{end}}");
    else
        head += QStringLiteral("{{if ne .FacterVars \"\"}}{{.FacterVars}} {{end}}"
                               "{{if .Sudo}}sudo -E {{end}}");
    head += QStringLiteral("{{if ne .PuppetBinDir \"\"}}{{.PuppetBinDir}}/{{end}}");
    if (mode == PuppetCommon::Mode::Apply)
        return head
            + QStringLiteral(
                "puppet apply --detailed-exitcodes "
                "{{if .Debug}}--debug {{end}}"
                "{{if ne .ModulePath \"\"}}--modulepath='{{.ModulePath}}' {{end}}"
                "{{if ne .HieraConfigPath \"\"}}--hiera_config='{{.HieraConfigPath}}' {{end}}"
                "{{if ne .ManifestDir \"\"}}--manifestdir='{{.ManifestDir}}' {{end}}"
                "{{if ne .ExtraArguments \"\"}}{{.ExtraArguments}} {{end}}"
                "{{.ManifestFile}}");
    return head
        + QStringLiteral(
            "puppet agent --onetime --no-daemonize --detailed-exitcodes "
            "{{if .Debug}}--debug {{end}}"
            "{{if ne .PuppetServer \"\"}}--server='{{.PuppetServer}}' {{end}}"
            "{{if ne .PuppetNode \"\"}}--certname='{{.PuppetNode}}' {{end}}"
            "{{if ne .ClientCertPath \"\"}}--certdir='{{.ClientCertPath}}' {{end}}"
            "{{if ne .ClientPrivateKeyPath \"\"}}--privatekeydir='{{.ClientPrivateKeyPath}}' "
            "{{end}}"
            "{{if ne .ExtraArguments \"\"}}{{.ExtraArguments}} {{end}}");
}

QString stagingDefault(PuppetCommon::Mode mode, bool windows)
{
    const QString name = mode == PuppetCommon::Mode::Apply
        ? QStringLiteral("packer-puppet-masterless")
        : QStringLiteral("packer-puppet-server");
    if (!windows)
        return QStringLiteral("/tmp/") + name;
    // The plugin reads SYSTEMROOT on the host running Packer (it assumes host and guest are
    // the same OS), so on a Linux host this is "/Temp/...", as Packer's.
    return qEnvironmentVariable("SYSTEMROOT").replace(QLatin1Char('\\'), QLatin1Char('/'))
        + QStringLiteral("/Temp/") + name;
}

} // namespace

bool PuppetCommon::read(const build::ComponentConfig &config, Mode mode, const QString &stagingKey,
    Settings *s, QString *error)
{
    s->guestOsType = config.string(QStringLiteral("guest_os_type")).toLower();
    if (s->guestOsType.isEmpty())
        s->guestOsType = GuestCommands::unixOs();
    if (!GuestCommands::isKnownOs(s->guestOsType)) {
        *error = QStringLiteral("Invalid guest_os_type: \"%1\"").arg(s->guestOsType);
        return false;
    }
    const bool windows = s->guestOsType == GuestCommands::windowsOs();
    s->preventSudo = config.boolean(QStringLiteral("prevent_sudo"));
    s->commands = GuestCommands(s->guestOsType, !s->preventSudo);
    s->executeCommand = config.string(QStringLiteral("execute_command"));
    if (s->executeCommand.isEmpty())
        s->executeCommand = executeCommand(mode, windows);
    s->stagingDir = config.string(stagingKey);
    if (s->stagingDir.isEmpty())
        s->stagingDir = stagingDefault(mode, windows);
    s->workingDir = config.string(QStringLiteral("working_directory"));
    if (s->workingDir.isEmpty())
        s->workingDir = s->stagingDir;
    s->extraArguments = config.stringList(QStringLiteral("extra_arguments"));
    s->facter = config.stringMap(QStringLiteral("facter"));
    s->facter.insert(QStringLiteral("packer_build_name"), config.interpolation.buildName);
    s->facter.insert(QStringLiteral("packer_builder_type"), config.interpolation.buildType);
    s->puppetBinDir = config.string(QStringLiteral("puppet_bin_dir"));
    s->ignoreExitCodes = config.boolean(QStringLiteral("ignore_exit_codes"));
    s->cleanStagingDir = config.boolean(QStringLiteral("clean_staging_directory"));
    s->modulePathJoiner = windows ? QStringLiteral(";") : QStringLiteral(":");
    return true;
}

QStringList PuppetCommon::validate(const build::ComponentConfig &config)
{
    // Packer wraps the command in a Windows scheduled task for elevated_user; that runner
    // needs a Windows guest reached over WinRM, which Kiln has no communicator for.
    if (!config.string(QStringLiteral("elevated_user")).isEmpty())
        return {QStringLiteral("elevated_user needs a Windows guest reached over WinRM, which "
                               "this build cannot provide")};
    return {};
}

QString PuppetCommon::facterVars(const Settings &s)
{
    const bool windows = s.guestOsType == GuestCommands::windowsOs();
    QStringList vars;
    for (auto it = s.facter.cbegin(); it != s.facter.cend(); ++it)
        vars << (windows ? QStringLiteral("SET \"FACTER_%1=%2\"").arg(it.key(), it.value())
                         : QStringLiteral("FACTER_%1='%2'").arg(it.key(), it.value()));
    return vars.join(windows ? QStringLiteral(" & ") : QStringLiteral(" "));
}

QString PuppetCommon::renderCommand(const Settings &s, const build::ComponentConfig &config,
    QVariantMap data, const QString &structName, QString *command)
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

QString PuppetCommon::run(build::BuildContext &ctx, GuestSession &guest, const Settings &s,
    const QString &command, const QString &startPrefix)
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

QString PuppetCommon::clean(GuestSession &guest, const Settings &s)
{
    if (!s.cleanStagingDir)
        return {};
    const QString error = guest.removeDir(s.stagingDir);
    if (!error.isEmpty())
        return QStringLiteral("Error removing staging directory: %1").arg(error);
    return {};
}

} // namespace kiln::components
