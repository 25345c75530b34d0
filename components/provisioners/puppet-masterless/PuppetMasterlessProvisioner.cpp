#include "components/provisioners/puppet-masterless/PuppetMasterlessProvisioner.h"

#include "components/shared/LocalFileSettings.h"
#include "components/shared/cm/GuestSession.h"
#include "components/shared/cm/PuppetCommon.h"
#include "engine/build/BuildContext.h"

#include <QFileInfo>

namespace kiln::components {

build::PrepareResult PuppetMasterlessProvisioner::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

QString PuppetMasterlessProvisioner::uploadManifests(
    build::BuildContext &ctx, GuestSession &guest, QString *remote) const
{
    ctx.ui.message(QStringLiteral("Uploading manifests..."));
    const QString remoteManifests = m_settings.common.stagingDir + QStringLiteral("/manifests");
    QString error = guest.createDir(remoteManifests, true, GuestSession::nonZeroExit());
    if (!error.isEmpty())
        return QStringLiteral("Error creating manifests directory: %1").arg(error);

    // puppet apply takes a manifest file or a directory of them.
    const QFileInfo info(m_settings.manifestFile);
    if (!info.exists())
        return QStringLiteral("Error inspecting manifest file: %1")
            .arg(LocalFileSettings::statError(m_settings.manifestFile));
    if (info.isDir()) {
        ctx.ui.message(
            QStringLiteral("Uploading manifest directory from: %1").arg(m_settings.manifestFile));
        error = guest.uploadDirectory(
            remoteManifests, m_settings.manifestFile, GuestSession::nonZeroExit());
        if (!error.isEmpty())
            return QStringLiteral("Error uploading manifest dir: %1").arg(error);
        *remote = remoteManifests;
        return {};
    }
    ctx.ui.message(QStringLiteral("Uploading manifest file from: %1").arg(m_settings.manifestFile));
    *remote = remoteManifests + QLatin1Char('/') + info.fileName();
    return guest.uploadFile(*remote, m_settings.manifestFile);
}

QString PuppetMasterlessProvisioner::stage(
    build::BuildContext &ctx, GuestSession &guest, QVariantMap *data) const
{
    ctx.ui.message(QStringLiteral("Creating Puppet staging directory..."));
    QString error
        = guest.createDir(m_settings.common.stagingDir, true, GuestSession::nonZeroExit());
    if (!error.isEmpty())
        return QStringLiteral("Error creating staging directory: %1").arg(error);

    QString remoteHiera;
    if (!m_settings.hieraConfigPath.isEmpty()) {
        ctx.ui.message(QStringLiteral("Uploading hiera configuration..."));
        remoteHiera = m_settings.common.stagingDir + QStringLiteral("/hiera.yaml");
        error = guest.uploadFile(remoteHiera, m_settings.hieraConfigPath);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading hiera config: %1").arg(error);
    }

    QString remoteManifestDir;
    if (!m_settings.manifestDir.isEmpty()) {
        ctx.ui.message(
            QStringLiteral("Uploading manifest directory from: %1").arg(m_settings.manifestDir));
        remoteManifestDir = m_settings.common.stagingDir + QStringLiteral("/manifests");
        error = guest.uploadDirectory(
            remoteManifestDir, m_settings.manifestDir, GuestSession::nonZeroExit());
        if (!error.isEmpty())
            return QStringLiteral("Error uploading manifest dir: %1").arg(error);
    }

    QStringList remoteModules;
    for (int i = 0; i < m_settings.modulePaths.size(); ++i) {
        ctx.ui.message(
            QStringLiteral("Uploading local modules from: %1").arg(m_settings.modulePaths[i]));
        const QString target
            = QStringLiteral("%1/module-%2").arg(m_settings.common.stagingDir).arg(i);
        error
            = guest.uploadDirectory(target, m_settings.modulePaths[i], GuestSession::nonZeroExit());
        if (!error.isEmpty())
            return QStringLiteral("Error uploading modules: %1").arg(error);
        remoteModules << target;
    }

    QString remoteManifest;
    error = uploadManifests(ctx, guest, &remoteManifest);
    if (!error.isEmpty())
        return QStringLiteral("Error uploading manifests: %1").arg(error);

    *data = QVariantMap{
        {QStringLiteral("Debug"), false},
        {QStringLiteral("FacterVars"), PuppetCommon::facterVars(m_settings.common)},
        {QStringLiteral("HieraConfigPath"), remoteHiera},
        {QStringLiteral("ManifestDir"), remoteManifestDir},
        {QStringLiteral("ManifestFile"), remoteManifest},
        {QStringLiteral("ModulePath"), remoteModules.join(m_settings.common.modulePathJoiner)},
        {QStringLiteral("ModulePathJoiner"), m_settings.common.modulePathJoiner},
        {QStringLiteral("PuppetBinDir"), m_settings.common.puppetBinDir},
        {QStringLiteral("Sudo"), !m_settings.common.preventSudo},
        {QStringLiteral("WorkingDir"), m_settings.common.workingDir},
    };
    return {};
}

QString PuppetMasterlessProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    ctx.ui.say(QStringLiteral("Provisioning with Puppet..."));
    GuestSession guest(ctx, comm, PuppetCommon::guestCommands(m_settings.common));
    QVariantMap data;
    QString error = stage(ctx, guest, &data);
    if (!error.isEmpty())
        return error;

    QString command;
    error = PuppetCommon::renderCommand(m_settings.common, m_settings.config, data,
        QStringLiteral("*puppetmasterless.ExecuteTemplate"), &command);
    if (!error.isEmpty())
        return error;
    error = PuppetCommon::run(
        ctx, guest, m_settings.common, command, QStringLiteral("Got an error starting command: "));
    if (!error.isEmpty()) {
        // Packer leaves the staging directory behind on failure; with
        // clean_staging_directory Kiln removes it either way, so a failed build leaves no
        // manifests (and the hiera data in them) on the image.
        PuppetCommon::clean(guest, m_settings.common);
        return error;
    }
    return PuppetCommon::clean(guest, m_settings.common);
}

} // namespace kiln::components
