#include "components/shared/cm/PuppetCommonSettings.h"

#include "components/shared/cm/GuestOsSettings.h"

namespace kiln::components {

namespace {

// Packer's executeCommand templates, one per mode and OS; only the Puppet sub-command and
// its connection flags differ between apply and agent.
QString defaultExecuteCommand(PuppetCommonSettings::Mode mode, bool windows)
{
    QString head = QStringLiteral("cd {{.WorkingDir}} && ");
    if (windows)
        head += QStringLiteral("{{if ne .FacterVars \"\"}}{{.FacterVars}} && {{end}}");
    else
        head += QStringLiteral("{{if ne .FacterVars \"\"}}{{.FacterVars}} {{end}}"
                               "{{if .Sudo}}sudo -E {{end}}");
    head += QStringLiteral("{{if ne .PuppetBinDir \"\"}}{{.PuppetBinDir}}/{{end}}");
    if (mode == PuppetCommonSettings::Mode::Apply)
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

QString stagingDefault(PuppetCommonSettings::Mode mode, bool windows)
{
    const QString name = mode == PuppetCommonSettings::Mode::Apply
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

bool PuppetCommonSettings::read(
    const build::ComponentConfig &config, Mode mode, const QString &stagingKey, QString *error)
{
    if (!GuestOsSettings::read(config, &guestOsType, error))
        return false;
    const bool windows = guestOsType == GuestOsSettings::windowsOs();
    preventSudo = config.boolean(QStringLiteral("prevent_sudo"));
    executeCommand = config.string(QStringLiteral("execute_command"));
    if (executeCommand.isEmpty())
        executeCommand = defaultExecuteCommand(mode, windows);
    stagingDir = config.string(stagingKey);
    if (stagingDir.isEmpty())
        stagingDir = stagingDefault(mode, windows);
    workingDir = config.string(QStringLiteral("working_directory"));
    if (workingDir.isEmpty())
        workingDir = stagingDir;
    extraArguments = config.stringList(QStringLiteral("extra_arguments"));
    facter = config.stringMap(QStringLiteral("facter"));
    facter.insert(QStringLiteral("packer_build_name"), config.interpolation.buildName);
    facter.insert(QStringLiteral("packer_builder_type"), config.interpolation.buildType);
    puppetBinDir = config.string(QStringLiteral("puppet_bin_dir"));
    ignoreExitCodes = config.boolean(QStringLiteral("ignore_exit_codes"));
    cleanStagingDir = config.boolean(QStringLiteral("clean_staging_directory"));
    modulePathJoiner = windows ? QStringLiteral(";") : QStringLiteral(":");
    return true;
}

QStringList PuppetCommonSettings::validate(const build::ComponentConfig &config)
{
    // Packer wraps the command in a Windows scheduled task for elevated_user; that runner
    // needs a Windows guest reached over WinRM, which Kiln has no communicator for.
    if (!config.string(QStringLiteral("elevated_user")).isEmpty())
        return {QStringLiteral("elevated_user needs a Windows guest reached over WinRM, which "
                               "this build cannot provide")};
    return {};
}

} // namespace kiln::components
