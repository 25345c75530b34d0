#include "components/provisioners/puppet-masterless/PuppetMasterlessProvisioner.h"

#include "components/shared/ShellScriptFiles.h"
#include "components/shared/cm/GuestSession.h"
#include "engine/build/BuildContext.h"

#include <QFileInfo>

namespace kiln::components {

build::PrepareResult PuppetMasterlessProvisioner::prepare(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    m_config = config;
    QString error;
    if (!PuppetCommon::read(config, PuppetCommon::Mode::Apply, QStringLiteral("staging_directory"),
            &m_settings, &error)) {
        result.errors << error;
        return result;
    }
    m_manifestFile = config.string(QStringLiteral("manifest_file"));
    m_manifestDir = config.string(QStringLiteral("manifest_dir"));
    m_hieraConfigPath = config.string(QStringLiteral("hiera_config_path"));
    m_modulePaths = config.stringList(QStringLiteral("module_paths"));

    // Packer's checks, in its order and words.
    if (!m_hieraConfigPath.isEmpty()) {
        const QString statError = ShellScriptFiles::statError(m_hieraConfigPath);
        if (!statError.isEmpty())
            result.errors << QStringLiteral("hiera_config_path is invalid: %1").arg(statError);
        else if (QFileInfo(m_hieraConfigPath).isDir())
            result.errors << QStringLiteral("hiera_config_path must point to a file");
    }
    if (!m_manifestDir.isEmpty()) {
        const QString statError = ShellScriptFiles::statError(m_manifestDir);
        if (!statError.isEmpty())
            result.errors << QStringLiteral("manifest_dir is invalid: %1").arg(statError);
        else if (!QFileInfo(m_manifestDir).isDir())
            result.errors << QStringLiteral("manifest_dir must point to a directory");
    }
    if (m_manifestFile.isEmpty()) {
        result.errors << QStringLiteral("A manifest_file must be specified.");
    } else {
        const QString statError = ShellScriptFiles::statError(m_manifestFile);
        if (!statError.isEmpty())
            result.errors << QStringLiteral("manifest_file is invalid: %1").arg(statError);
    }
    for (int i = 0; i < m_modulePaths.size(); ++i) {
        const QString statError = ShellScriptFiles::statError(m_modulePaths[i]);
        if (!statError.isEmpty())
            result.errors << QStringLiteral("module_path[%1] is invalid: %2").arg(i).arg(statError);
        else if (!QFileInfo(m_modulePaths[i]).isDir())
            result.errors << QStringLiteral("module_path[%1] must point to a directory").arg(i);
    }
    result.errors << PuppetCommon::validate(config);
    return result;
}

QString PuppetMasterlessProvisioner::uploadManifests(
    build::BuildContext &ctx, GuestSession &guest, QString *remote) const
{
    ctx.ui.message(QStringLiteral("Uploading manifests..."));
    const QString remoteManifests = m_settings.stagingDir + QStringLiteral("/manifests");
    QString error = guest.createDir(remoteManifests, true, GuestSession::nonZeroExit());
    if (!error.isEmpty())
        return QStringLiteral("Error creating manifests directory: %1").arg(error);

    // puppet apply takes a manifest file or a directory of them.
    const QFileInfo info(m_manifestFile);
    if (!info.exists())
        return QStringLiteral("Error inspecting manifest file: %1")
            .arg(ShellScriptFiles::statError(m_manifestFile));
    if (info.isDir()) {
        ctx.ui.message(QStringLiteral("Uploading manifest directory from: %1").arg(m_manifestFile));
        error = guest.uploadDirectory(remoteManifests, m_manifestFile, GuestSession::nonZeroExit());
        if (!error.isEmpty())
            return QStringLiteral("Error uploading manifest dir: %1").arg(error);
        *remote = remoteManifests;
        return {};
    }
    ctx.ui.message(QStringLiteral("Uploading manifest file from: %1").arg(m_manifestFile));
    *remote = remoteManifests + QLatin1Char('/') + info.fileName();
    return guest.uploadFile(*remote, m_manifestFile);
}

QString PuppetMasterlessProvisioner::stage(
    build::BuildContext &ctx, GuestSession &guest, QVariantMap *data) const
{
    ctx.ui.message(QStringLiteral("Creating Puppet staging directory..."));
    QString error = guest.createDir(m_settings.stagingDir, true, GuestSession::nonZeroExit());
    if (!error.isEmpty())
        return QStringLiteral("Error creating staging directory: %1").arg(error);

    QString remoteHiera;
    if (!m_hieraConfigPath.isEmpty()) {
        ctx.ui.message(QStringLiteral("Uploading hiera configuration..."));
        remoteHiera = m_settings.stagingDir + QStringLiteral("/hiera.yaml");
        error = guest.uploadFile(remoteHiera, m_hieraConfigPath);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading hiera config: %1").arg(error);
    }

    QString remoteManifestDir;
    if (!m_manifestDir.isEmpty()) {
        ctx.ui.message(QStringLiteral("Uploading manifest directory from: %1").arg(m_manifestDir));
        remoteManifestDir = m_settings.stagingDir + QStringLiteral("/manifests");
        error
            = guest.uploadDirectory(remoteManifestDir, m_manifestDir, GuestSession::nonZeroExit());
        if (!error.isEmpty())
            return QStringLiteral("Error uploading manifest dir: %1").arg(error);
    }

    QStringList remoteModules;
    for (int i = 0; i < m_modulePaths.size(); ++i) {
        ctx.ui.message(QStringLiteral("Uploading local modules from: %1").arg(m_modulePaths[i]));
        const QString target = QStringLiteral("%1/module-%2").arg(m_settings.stagingDir).arg(i);
        error = guest.uploadDirectory(target, m_modulePaths[i], GuestSession::nonZeroExit());
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
        {QStringLiteral("FacterVars"), PuppetCommon::facterVars(m_settings)},
        {QStringLiteral("HieraConfigPath"), remoteHiera},
        {QStringLiteral("ManifestDir"), remoteManifestDir},
        {QStringLiteral("ManifestFile"), remoteManifest},
        {QStringLiteral("ModulePath"), remoteModules.join(m_settings.modulePathJoiner)},
        {QStringLiteral("ModulePathJoiner"), m_settings.modulePathJoiner},
        {QStringLiteral("PuppetBinDir"), m_settings.puppetBinDir},
        {QStringLiteral("Sudo"), !m_settings.preventSudo},
        {QStringLiteral("WorkingDir"), m_settings.workingDir},
    };
    return {};
}

QString PuppetMasterlessProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    ctx.ui.say(QStringLiteral("Provisioning with Puppet..."));
    GuestSession guest(ctx, comm, m_settings.commands);
    QVariantMap data;
    QString error = stage(ctx, guest, &data);
    if (!error.isEmpty())
        return error;

    QString command;
    error = PuppetCommon::renderCommand(
        m_settings, m_config, data, QStringLiteral("*puppetmasterless.ExecuteTemplate"), &command);
    if (!error.isEmpty())
        return error;
    error = PuppetCommon::run(
        ctx, guest, m_settings, command, QStringLiteral("Got an error starting command: "));
    if (!error.isEmpty()) {
        // Packer leaves the staging directory behind on failure; with
        // clean_staging_directory Kiln removes it either way, so a failed build leaves no
        // manifests (and the hiera data in them) on the image.
        PuppetCommon::clean(guest, m_settings);
        return error;
    }
    return PuppetCommon::clean(guest, m_settings);
}

} // namespace kiln::components
