#include "components/provisioners/salt-masterless/SaltMasterlessProvisioner.h"

#include "components/provisioners/salt-masterless/SaltFormula.h"
#include "components/shared/ShellScriptFiles.h"
#include "components/shared/cm/GuestSession.h"
#include "engine/build/BuildContext.h"
#include "engine/communicator/Communicator.h"

#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>

namespace kiln::components {

namespace {

struct OsDefaults
{
    QString configDir;
    QString tempDir;
    QString stateRoot;
    QString pillarRoot;
    QString bootstrapFetch;
    QString bootstrapRun;
};

OsDefaults osDefaults(bool windows)
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

// Go's filepath.Join with ToSlash on a unix host: joined and cleaned ("a/" + "b" = "a/b").
QString joinPath(const QString &dir, const QString &name)
{
    return QDir::cleanPath(dir + QLatin1Char('/') + name);
}

// Packer's validateDirConfig / validateFileConfig.
QString checkPath(const QString &path, const QString &name, bool required, bool wantDir)
{
    if (path.isEmpty())
        return required ? QStringLiteral("%1 cannot be empty").arg(name) : QString();
    const QString statError = ShellScriptFiles::statError(path);
    if (!statError.isEmpty())
        return QStringLiteral("%1: path '%2' is invalid: %3").arg(name, path, statError);
    if (QFileInfo(path).isDir() != wantDir)
        return QStringLiteral("%1: path '%2' must point to a %3")
            .arg(name, path, wantDir ? QStringLiteral("directory") : QStringLiteral("file"));
    return {};
}

} // namespace

build::PrepareResult SaltMasterlessProvisioner::prepare(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    m_config = config;
    QString os = config.string(QStringLiteral("guest_os_type")).toLower();
    if (os.isEmpty())
        os = GuestCommands::unixOs();
    if (!GuestCommands::isKnownOs(os)) {
        result.errors << QStringLiteral("Invalid guest_os_type: \"%1\"").arg(os);
        return result;
    }
    m_windows = os == GuestCommands::windowsOs();
    m_disableSudo = config.boolean(QStringLiteral("disable_sudo"));
    m_commands = GuestCommands(os, !m_disableSudo);
    const OsDefaults defaults = osDefaults(m_windows);
    m_skipBootstrap = config.boolean(QStringLiteral("skip_bootstrap"));
    m_bootstrapArgs = config.string(QStringLiteral("bootstrap_args"));
    m_noExitOnFailure = config.boolean(QStringLiteral("no_exit_on_failure"));
    m_minionConfig = config.string(QStringLiteral("minion_config"));
    m_grainsFile = config.string(QStringLiteral("grains_file"));
    m_localStateTree = config.string(QStringLiteral("local_state_tree"));
    m_localPillarRoots = config.string(QStringLiteral("local_pillar_roots"));
    m_remoteStateTree = config.string(QStringLiteral("remote_state_tree"));
    m_remotePillarRoots = config.string(QStringLiteral("remote_pillar_roots"));
    m_tempConfigDir = config.string(QStringLiteral("temp_config_dir"), defaults.tempDir);
    if (m_tempConfigDir.isEmpty())
        m_tempConfigDir = defaults.tempDir;
    m_saltBinDir = config.string(QStringLiteral("salt_bin_dir"));
    m_formulas = config.stringList(QStringLiteral("formulas"));

    // Packer's checks, in its order and words.
    result.errors << checkPath(m_localStateTree, QStringLiteral("local_state_tree"), true, true);
    for (const QString &url : std::as_const(m_formulas)) {
        if (!SaltFormula::isValidUrl(url)) {
            result.errors << QStringLiteral(
                "Invalid formula URL. Please verify the git URLs also contain a '//' subdir");
            break;
        }
    }
    result.errors << checkPath(
        m_localPillarRoots, QStringLiteral("local_pillar_roots"), false, true);
    result.errors << checkPath(m_minionConfig, QStringLiteral("minion_config"), false, false);
    if (!m_minionConfig.isEmpty()
        && (!m_remoteStateTree.isEmpty() || !m_remotePillarRoots.isEmpty()))
        result.errors << QStringLiteral(
            "remote_state_tree and remote_pillar_roots only apply when minion_config is not used");
    result.errors << checkPath(m_grainsFile, QStringLiteral("grains_file"), false, false);
    result.errors.removeAll(QString());

    // salt-call's arguments; with a minion config the roots come from that file instead.
    const QString customState = config.string(QStringLiteral("custom_state"));
    m_cmdArgs = customState.isEmpty() ? QStringLiteral(" state.highstate")
                                      : QStringLiteral(" state.sls ") + customState;
    if (m_minionConfig.isEmpty()) {
        m_cmdArgs += QStringLiteral(" --file-root=")
            + (m_remoteStateTree.isEmpty() ? defaults.stateRoot : m_remoteStateTree);
        m_cmdArgs += QStringLiteral(" --pillar-root=")
            + (m_remotePillarRoots.isEmpty() ? defaults.pillarRoot : m_remotePillarRoots);
    }
    if (!m_noExitOnFailure)
        m_cmdArgs += QStringLiteral(" --retcode-passthrough");
    const QString logLevel = config.string(QStringLiteral("log_level"));
    m_cmdArgs += QStringLiteral(" -l ") + (logLevel.isEmpty() ? QStringLiteral("info") : logLevel);
    const QString saltCallArgs = config.string(QStringLiteral("salt_call_args"));
    if (!saltCallArgs.isEmpty())
        m_cmdArgs += QLatin1Char(' ') + saltCallArgs;
    return result;
}

QString SaltMasterlessProvisioner::sudo(const QString &command) const
{
    if (m_disableSudo || m_windows)
        return command;
    return QStringLiteral("sudo ") + command;
}

QString SaltMasterlessProvisioner::saltCall() const
{
    return m_saltBinDir.isEmpty() ? QStringLiteral("salt-call")
                                  : joinPath(m_saltBinDir, QStringLiteral("salt-call"));
}

QString SaltMasterlessProvisioner::moveFile(
    build::BuildContext &ctx, GuestSession &guest, const QString &dst, const QString &src) const
{
    ctx.ui.message(QStringLiteral("Moving %1 to %2").arg(src, dst));
    // Packer wraps the guest command's own sudo in another one ("sudo sudo mv ..."); kept
    // so sudoers rules written for Packer keep matching.
    const QString error = guest.runChecked(
        sudo(m_commands.movePath(src, dst)), QStringLiteral("Bad exit status: %1"));
    if (!error.isEmpty())
        return QStringLiteral("Unable to move %1 to %2: %3").arg(src, dst, error);
    return {};
}

QString SaltMasterlessProvisioner::uploadFile(build::BuildContext &ctx, GuestSession &guest,
    comm::Communicator &, const QString &dst, const QString &src) const
{
    // Uploaded next to the login directory first: the login user may not write where sudo
    // moves it to.
    const QString temp = QFileInfo(dst).fileName();
    QString error = guest.uploadFile(temp, src);
    if (!error.isEmpty())
        return QStringLiteral("Error uploading %1: %2").arg(src, error);
    error = moveFile(ctx, guest, dst, temp);
    if (!error.isEmpty())
        return QStringLiteral("Error moving file to destination: %1").arg(error);
    return {};
}

QString SaltMasterlessProvisioner::uploadDir(build::BuildContext &ctx, GuestSession &guest,
    comm::Communicator &comm, const QString &dst, const QString &src) const
{
    const QString temp = QFileInfo(dst).fileName();
    // The contents of `src` become `temp` (Packer's scp creates the missing target from the
    // source directory); git metadata stays home.
    const QString source = src.endsWith(QLatin1Char('/')) ? src : src + QLatin1Char('/');
    const QString error = comm.uploadDir(temp, source, {QStringLiteral(".git")}, {}, ctx.cancel);
    if (!error.isEmpty())
        return error;
    return moveFile(ctx, guest, dst, temp);
}

QString SaltMasterlessProvisioner::stageConfigFile(build::BuildContext &ctx, GuestSession &guest,
    comm::Communicator &comm, const QString &local, const QString &name, const QString &what) const
{
    const QString configDir = osDefaults(m_windows).configDir;
    const QString temp = joinPath(m_tempConfigDir, name);
    QString error = uploadFile(ctx, guest, comm, temp, local);
    if (!error.isEmpty())
        return QStringLiteral("Error uploading local %1 to remote: %2").arg(what, error);
    ctx.ui.message(QStringLiteral("Make sure directory %1 exists").arg(configDir));
    error = guest.createDir(configDir, false, GuestSession::nonZeroExit());
    if (!error.isEmpty())
        return QStringLiteral("Error creating remote salt configuration directory: %1").arg(error);
    error = moveFile(ctx, guest, joinPath(configDir, name), temp);
    if (!error.isEmpty())
        return QStringLiteral("Unable to move %1/%3 to %2/%3: %4")
            .arg(m_tempConfigDir, configDir, name, error);
    return {};
}

QString SaltMasterlessProvisioner::stageTree(build::BuildContext &ctx, GuestSession &guest,
    comm::Communicator &comm, const QString &local, const QString &name, const QString &remote,
    const QString &what) const
{
    const QString temp = joinPath(m_tempConfigDir, name);
    QString error = uploadDir(ctx, guest, comm, temp, local);
    if (!error.isEmpty())
        return QStringLiteral("Error uploading local %1 to remote: %2").arg(what, error);
    // An existing tree is replaced: `mv` onto an existing directory would nest the new tree
    // inside the old one. (Packer inverts this stat check and nests on a second run.)
    ctx.ui.message(QStringLiteral("Verifying Path: %1").arg(remote));
    int status = 0;
    error = guest.run(m_commands.statPath(remote), &status);
    if (error.isEmpty() && status == 0) {
        ctx.ui.message(QStringLiteral("Removing directory: %1").arg(remote));
        error = guest.removeDir(remote);
        if (!error.isEmpty())
            return QStringLiteral("Unable to clear %1: %2")
                .arg(name == QLatin1String("states") ? QStringLiteral("salt tree")
                                                     : QStringLiteral("pillar root"),
                    error);
    }
    error = moveFile(ctx, guest, remote, temp);
    if (!error.isEmpty())
        return QStringLiteral("Unable to move %1/%2 to %3: %4")
            .arg(m_tempConfigDir, name, remote, error);
    return {};
}

QString SaltMasterlessProvisioner::windowsPrerequisites(
    build::BuildContext &ctx, GuestSession &guest) const
{
    struct Step
    {
        QString message;
        QString command;
        QString failure;
    };
    const QString call = saltCall();
    const QList<Step> steps{
        {QStringLiteral("Downloading Git for Windows"),
            QStringLiteral("powershell [Net.ServicePointManager]::SecurityProtocol = "
                           "[Net.SecurityProtocolType]::Tls12; Invoke-WebRequest -Uri "
                           "https://github.com/git-for-windows/git/releases/download/"
                           "v2.28.0.windows.1/Git-2.28.0-64-bit.exe -OutFile $env:TEMP/Git.exe"),
            QStringLiteral("Unable to Download Git for Windows")},
        {QStringLiteral("Installing Git for Windows"),
            QStringLiteral("powershell Start-Process -FilePath $env:TEMP/Git.exe /SILENT -Wait"),
            QStringLiteral("Unable to Install Git for Windows")},
        {QStringLiteral("Cleaning Up After Git for Windows"),
            QStringLiteral("powershell Remove-Item $env:TEMP/Git.exe"),
            QStringLiteral("Unable to Clean-up After Git for Windows")},
        {QStringLiteral("Running salt-call --local winrepo.update_git_repos"),
            call + QStringLiteral(" --local winrepo.update_git_repos"),
            QStringLiteral("Error executing salt-call --local winrepo.update_git_repos")},
        {QStringLiteral("Running salt-call --local pkg.refresh_db"),
            call + QStringLiteral(" --local pkg.refresh_db"),
            QStringLiteral("Error executing salt-call --local pkg.refresh_db")},
    };
    for (const Step &step : steps) {
        ctx.ui.message(step.message);
        const QString error = guest.runChecked(step.command, QStringLiteral("Bad exit status: %1"));
        if (!error.isEmpty() && !m_noExitOnFailure)
            return QStringLiteral("%1: %2").arg(step.failure, error);
    }
    return {};
}

QString SaltMasterlessProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    GuestSession guest(ctx, comm, m_commands);
    // Formulas fetched for this run are removed from local_state_tree when it ends.
    QStringList fetched;
    const auto removeFetched = qScopeGuard([&fetched, &ctx] {
        for (const QString &path : std::as_const(fetched)) {
            ctx.ui.message(QStringLiteral("Removing Salt formula: %1").arg(path));
            QDir(path).removeRecursively();
        }
    });
    if (!m_formulas.isEmpty()) {
        ctx.ui.say(QStringLiteral("Downloading Salt formulas..."));
        for (const QString &url : m_formulas) {
            const SaltFormula formula(url);
            const QString path = joinPath(m_localStateTree, formula.name());
            if (QFileInfo::exists(path)) {
                ctx.ui.message(QStringLiteral("Found existing formula at: %1").arg(path));
                continue;
            }
            ctx.ui.message(QStringLiteral("%1 => %2").arg(url, path));
            if (!QDir().mkdir(path))
                return QStringLiteral("Unable to create Salt state directory: mkdir %1: "
                                      "permission denied")
                    .arg(path);
            fetched << path;
            const QString error = formula.fetch(path);
            if (!error.isEmpty())
                return QStringLiteral("Unable to download Salt formula from %1: %2")
                    .arg(url, error);
        }
    }

    ctx.ui.say(QStringLiteral("Provisioning with Salt..."));
    const OsDefaults defaults = osDefaults(m_windows);
    if (!m_skipBootstrap) {
        // As Packer, the bootstrap's exit status is not checked: salt-call fails later
        // with a clearer message when Salt did not get installed.
        ctx.ui.message(QStringLiteral("Downloading saltstack bootstrap to /tmp/install_salt.sh"));
        int status = 0;
        QString error = guest.run(defaults.bootstrapFetch, &status);
        if (!error.isEmpty())
            return QStringLiteral("Unable to download Salt: %1").arg(error);
        const QString install = sudo(defaults.bootstrapRun) + QLatin1Char(' ') + m_bootstrapArgs;
        ctx.ui.message(QStringLiteral("Installing Salt with command %1").arg(install));
        error = guest.run(install, &status);
        if (!error.isEmpty())
            return QStringLiteral("Unable to install Salt: %1").arg(error);
    }

    ctx.ui.message(QStringLiteral("Creating remote temporary directory: %1").arg(m_tempConfigDir));
    QString error = guest.createDir(m_tempConfigDir, false, GuestSession::nonZeroExit());
    if (!error.isEmpty())
        return QStringLiteral("Error creating remote temporary directory: %1").arg(error);

    if (!m_minionConfig.isEmpty()) {
        ctx.ui.message(QStringLiteral("Uploading minion config: %1").arg(m_minionConfig));
        error = stageConfigFile(ctx, guest, comm, m_minionConfig, QStringLiteral("minion"),
            QStringLiteral("minion config file"));
        if (!error.isEmpty())
            return error;
    }
    if (!m_grainsFile.isEmpty()) {
        ctx.ui.message(QStringLiteral("Uploading grains file: %1").arg(m_grainsFile));
        error = stageConfigFile(ctx, guest, comm, m_grainsFile, QStringLiteral("grains"),
            QStringLiteral("grains file"));
        if (!error.isEmpty())
            return error;
    }

    ctx.ui.message(QStringLiteral("Uploading local state tree: %1").arg(m_localStateTree));
    error = stageTree(ctx, guest, comm, m_localStateTree, QStringLiteral("states"),
        m_remoteStateTree.isEmpty() ? defaults.stateRoot : m_remoteStateTree,
        QStringLiteral("state tree"));
    if (!error.isEmpty())
        return error;

    if (!m_localPillarRoots.isEmpty()) {
        ctx.ui.message(QStringLiteral("Uploading local pillar roots: %1").arg(m_localPillarRoots));
        error = stageTree(ctx, guest, comm, m_localPillarRoots, QStringLiteral("pillar"),
            m_remotePillarRoots.isEmpty() ? defaults.pillarRoot : m_remotePillarRoots,
            QStringLiteral("pillar roots"));
        if (!error.isEmpty())
            return error;
    }

    if (m_windows) {
        error = windowsPrerequisites(ctx, guest);
        if (!error.isEmpty())
            return error;
    }

    ctx.ui.message(QStringLiteral("Running: salt-call --local %1").arg(m_cmdArgs));
    error = guest.runChecked(sudo(QStringLiteral("%1 --local %2").arg(saltCall(), m_cmdArgs)),
        QStringLiteral("Bad exit status: %1"));
    if (!error.isEmpty() && !m_noExitOnFailure)
        return QStringLiteral("Error executing salt-call: %1").arg(error);
    return {};
}

} // namespace kiln::components
