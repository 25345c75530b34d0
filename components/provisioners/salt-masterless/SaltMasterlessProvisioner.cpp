#include "components/provisioners/salt-masterless/SaltMasterlessProvisioner.h"

#include "components/provisioners/salt-masterless/SaltFormula.h"
#include "components/shared/cm/GuestSession.h"
#include "engine/build/BuildContext.h"
#include "engine/communicator/Communicator.h"

#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>

namespace kiln::components {

namespace {

// Go's filepath.Join with ToSlash on a unix host: joined and cleaned ("a/" + "b" = "a/b").
QString joinPath(const QString &dir, const QString &name)
{
    return QDir::cleanPath(dir + QLatin1Char('/') + name);
}

} // namespace

build::PrepareResult SaltMasterlessProvisioner::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

QString SaltMasterlessProvisioner::sudo(const QString &command) const
{
    if (m_settings.disableSudo || m_settings.windows)
        return command;
    return QStringLiteral("sudo ") + command;
}

QString SaltMasterlessProvisioner::saltCall() const
{
    return m_settings.saltBinDir.isEmpty()
        ? QStringLiteral("salt-call")
        : joinPath(m_settings.saltBinDir, QStringLiteral("salt-call"));
}

QString SaltMasterlessProvisioner::moveFile(
    build::BuildContext &ctx, GuestSession &guest, const QString &dst, const QString &src) const
{
    ctx.ui.message(QStringLiteral("Moving %1 to %2").arg(src, dst));
    // Packer wraps the guest command's own sudo in another one ("sudo sudo mv ..."); kept
    // so sudoers rules written for Packer keep matching.
    const QString error = guest.runChecked(
        sudo(guest.commands().movePath(src, dst)), QStringLiteral("Bad exit status: %1"));
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
    const QString configDir
        = SaltMasterlessProvisionerSettings::osDefaults(m_settings.windows).configDir;
    const QString temp = joinPath(m_settings.tempConfigDir, name);
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
            .arg(m_settings.tempConfigDir, configDir, name, error);
    return {};
}

QString SaltMasterlessProvisioner::stageTree(build::BuildContext &ctx, GuestSession &guest,
    comm::Communicator &comm, const QString &local, const QString &name, const QString &remote,
    const QString &what) const
{
    const QString temp = joinPath(m_settings.tempConfigDir, name);
    QString error = uploadDir(ctx, guest, comm, temp, local);
    if (!error.isEmpty())
        return QStringLiteral("Error uploading local %1 to remote: %2").arg(what, error);
    // An existing tree is replaced: `mv` onto an existing directory would nest the new tree
    // inside the old one. (Packer inverts this stat check and nests on a second run.)
    ctx.ui.message(QStringLiteral("Verifying Path: %1").arg(remote));
    int status = 0;
    error = guest.run(guest.commands().statPath(remote), &status);
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
            .arg(m_settings.tempConfigDir, name, remote, error);
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
        if (!error.isEmpty() && !m_settings.noExitOnFailure)
            return QStringLiteral("%1: %2").arg(step.failure, error);
    }
    return {};
}

QString SaltMasterlessProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    GuestSession guest(ctx, comm, GuestCommands(m_settings.guestOsType, !m_settings.disableSudo));
    // Formulas fetched for this run are removed from local_state_tree when it ends.
    QStringList fetched;
    const auto removeFetched = qScopeGuard([&fetched, &ctx] {
        for (const QString &path : std::as_const(fetched)) {
            ctx.ui.message(QStringLiteral("Removing Salt formula: %1").arg(path));
            QDir(path).removeRecursively();
        }
    });
    if (!m_settings.formulas.isEmpty()) {
        ctx.ui.say(QStringLiteral("Downloading Salt formulas..."));
        for (const QString &url : m_settings.formulas) {
            const SaltFormula formula(url);
            const QString path = joinPath(m_settings.localStateTree, formula.name());
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
    const SaltMasterlessProvisionerSettings::OsDefaults defaults
        = SaltMasterlessProvisionerSettings::osDefaults(m_settings.windows);
    if (!m_settings.skipBootstrap) {
        // As Packer, the bootstrap's exit status is not checked: salt-call fails later
        // with a clearer message when Salt did not get installed.
        ctx.ui.message(QStringLiteral("Downloading saltstack bootstrap to /tmp/install_salt.sh"));
        int status = 0;
        QString error = guest.run(defaults.bootstrapFetch, &status);
        if (!error.isEmpty())
            return QStringLiteral("Unable to download Salt: %1").arg(error);
        const QString install
            = sudo(defaults.bootstrapRun) + QLatin1Char(' ') + m_settings.bootstrapArgs;
        ctx.ui.message(QStringLiteral("Installing Salt with command %1").arg(install));
        error = guest.run(install, &status);
        if (!error.isEmpty())
            return QStringLiteral("Unable to install Salt: %1").arg(error);
    }

    ctx.ui.message(
        QStringLiteral("Creating remote temporary directory: %1").arg(m_settings.tempConfigDir));
    QString error = guest.createDir(m_settings.tempConfigDir, false, GuestSession::nonZeroExit());
    if (!error.isEmpty())
        return QStringLiteral("Error creating remote temporary directory: %1").arg(error);

    if (!m_settings.minionConfig.isEmpty()) {
        ctx.ui.message(QStringLiteral("Uploading minion config: %1").arg(m_settings.minionConfig));
        error = stageConfigFile(ctx, guest, comm, m_settings.minionConfig, QStringLiteral("minion"),
            QStringLiteral("minion config file"));
        if (!error.isEmpty())
            return error;
    }
    if (!m_settings.grainsFile.isEmpty()) {
        ctx.ui.message(QStringLiteral("Uploading grains file: %1").arg(m_settings.grainsFile));
        error = stageConfigFile(ctx, guest, comm, m_settings.grainsFile, QStringLiteral("grains"),
            QStringLiteral("grains file"));
        if (!error.isEmpty())
            return error;
    }

    ctx.ui.message(QStringLiteral("Uploading local state tree: %1").arg(m_settings.localStateTree));
    error = stageTree(ctx, guest, comm, m_settings.localStateTree, QStringLiteral("states"),
        m_settings.remoteStateTree.isEmpty() ? defaults.stateRoot : m_settings.remoteStateTree,
        QStringLiteral("state tree"));
    if (!error.isEmpty())
        return error;

    if (!m_settings.localPillarRoots.isEmpty()) {
        ctx.ui.message(
            QStringLiteral("Uploading local pillar roots: %1").arg(m_settings.localPillarRoots));
        error = stageTree(ctx, guest, comm, m_settings.localPillarRoots, QStringLiteral("pillar"),
            m_settings.remotePillarRoots.isEmpty() ? defaults.pillarRoot
                                                   : m_settings.remotePillarRoots,
            QStringLiteral("pillar roots"));
        if (!error.isEmpty())
            return error;
    }

    if (m_settings.windows) {
        error = windowsPrerequisites(ctx, guest);
        if (!error.isEmpty())
            return error;
    }

    ctx.ui.message(QStringLiteral("Running: salt-call --local %1").arg(m_settings.cmdArgs));
    error = guest.runChecked(
        sudo(QStringLiteral("%1 --local %2").arg(saltCall(), m_settings.cmdArgs)),
        QStringLiteral("Bad exit status: %1"));
    if (!error.isEmpty() && !m_settings.noExitOnFailure)
        return QStringLiteral("Error executing salt-call: %1").arg(error);
    return {};
}

} // namespace kiln::components
