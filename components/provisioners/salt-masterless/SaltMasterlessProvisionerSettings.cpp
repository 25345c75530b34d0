#include "components/provisioners/salt-masterless/SaltMasterlessProvisionerSettings.h"

#include "components/shared/LocalFileSettings.h"
#include "components/shared/cm/GuestOsSettings.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace kiln::components {

namespace {

// Packer's validateDirConfig / validateFileConfig.
QString checkPath(const QString &path, const QString &name, bool required, bool wantDir)
{
    if (path.isEmpty())
        return required ? QStringLiteral("%1 cannot be empty").arg(name) : QString();
    const QString statError = LocalFileSettings::statError(path);
    if (!statError.isEmpty())
        return QStringLiteral("%1: path '%2' is invalid: %3").arg(name, path, statError);
    if (QFileInfo(path).isDir() != wantDir)
        return QStringLiteral("%1: path '%2' must point to a %3")
            .arg(name, path, wantDir ? QStringLiteral("directory") : QStringLiteral("file"));
    return {};
}

} // namespace

SaltMasterlessProvisionerSettings::OsDefaults SaltMasterlessProvisionerSettings::osDefaults(
    bool windows)
{
    if (windows)
        return {QStringLiteral("C:/salt/conf"), QStringLiteral("C:/Windows/Temp/salt/"),
            QStringLiteral("C:/salt/state"), QStringLiteral("C:/salt/pillar/"),
            QStringLiteral(
                "powershell -Command \"[System.Net.ServicePointManager]::SecurityProtocol "
                "= [System.Net.SecurityProtocolType]'Tls,Tls11,Tls12'; "
                "Invoke-WebRequest -Uri 'https://winbootstrap.saltproject.io' -OutFile "
                "'C:/Windows/Temp/bootstrap-salt.ps1'\""),
            QStringLiteral("Powershell C:/Windows/Temp/bootstrap-salt.ps1")};
    return {QStringLiteral("/etc/salt"), QStringLiteral("/tmp/salt"), QStringLiteral("/srv/salt"),
        QStringLiteral("/srv/pillar"),
        QStringLiteral("curl -L https://bootstrap.saltproject.io -o /tmp/install_salt.sh || wget "
                       "-O /tmp/install_salt.sh https://bootstrap.saltproject.io"),
        QStringLiteral("sh /tmp/install_salt.sh")};
}

bool SaltMasterlessProvisionerSettings::isValidFormulaUrl(const QString &url)
{
    static const QRegularExpression re(QStringLiteral("^(.*).git\\/\\/[a-zA-Z0-9-_]+(\\?.*)?$"));
    return re.match(url).hasMatch();
}

build::PrepareResult SaltMasterlessProvisionerSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    QString osError;
    if (!GuestOsSettings::read(config, &guestOsType, &osError)) {
        result.errors << osError;
        return result;
    }
    windows = guestOsType == GuestOsSettings::windowsOs();
    disableSudo = config.boolean(QStringLiteral("disable_sudo"));
    const OsDefaults defaults = osDefaults(windows);
    skipBootstrap = config.boolean(QStringLiteral("skip_bootstrap"));
    bootstrapArgs = config.string(QStringLiteral("bootstrap_args"));
    noExitOnFailure = config.boolean(QStringLiteral("no_exit_on_failure"));
    minionConfig = config.string(QStringLiteral("minion_config"));
    grainsFile = config.string(QStringLiteral("grains_file"));
    localStateTree = config.string(QStringLiteral("local_state_tree"));
    localPillarRoots = config.string(QStringLiteral("local_pillar_roots"));
    remoteStateTree = config.string(QStringLiteral("remote_state_tree"));
    remotePillarRoots = config.string(QStringLiteral("remote_pillar_roots"));
    tempConfigDir = config.string(QStringLiteral("temp_config_dir"), defaults.tempDir);
    if (tempConfigDir.isEmpty())
        tempConfigDir = defaults.tempDir;
    saltBinDir = config.string(QStringLiteral("salt_bin_dir"));
    formulas = config.stringList(QStringLiteral("formulas"));

    // Packer's checks, in its order and words.
    result.errors << checkPath(localStateTree, QStringLiteral("local_state_tree"), true, true);
    for (const QString &url : std::as_const(formulas)) {
        if (!isValidFormulaUrl(url)) {
            result.errors << QStringLiteral(
                "Invalid formula URL. Please verify the git URLs also contain a '//' subdir");
            break;
        }
    }
    result.errors << checkPath(localPillarRoots, QStringLiteral("local_pillar_roots"), false, true);
    result.errors << checkPath(minionConfig, QStringLiteral("minion_config"), false, false);
    if (!minionConfig.isEmpty() && (!remoteStateTree.isEmpty() || !remotePillarRoots.isEmpty()))
        result.errors << QStringLiteral(
            "remote_state_tree and remote_pillar_roots only apply when minion_config is not used");
    result.errors << checkPath(grainsFile, QStringLiteral("grains_file"), false, false);
    result.errors.removeAll(QString());

    // salt-call's arguments; with a minion config the roots come from that file instead.
    const QString customState = config.string(QStringLiteral("custom_state"));
    cmdArgs = customState.isEmpty() ? QStringLiteral(" state.highstate")
                                    : QStringLiteral(" state.sls ") + customState;
    if (minionConfig.isEmpty()) {
        cmdArgs += QStringLiteral(" --file-root=")
            + (remoteStateTree.isEmpty() ? defaults.stateRoot : remoteStateTree);
        cmdArgs += QStringLiteral(" --pillar-root=")
            + (remotePillarRoots.isEmpty() ? defaults.pillarRoot : remotePillarRoots);
    }
    if (!noExitOnFailure)
        cmdArgs += QStringLiteral(" --retcode-passthrough");
    const QString logLevel = config.string(QStringLiteral("log_level"));
    cmdArgs += QStringLiteral(" -l ") + (logLevel.isEmpty() ? QStringLiteral("info") : logLevel);
    const QString saltCallArgs = config.string(QStringLiteral("salt_call_args"));
    if (!saltCallArgs.isEmpty())
        cmdArgs += QLatin1Char(' ') + saltCallArgs;
    return result;
}

} // namespace kiln::components
