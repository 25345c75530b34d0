#include "components/provisioners/puppet-server/PuppetServerProvisioner.h"

#include "components/shared/cm/GuestSession.h"
#include "components/shared/cm/PuppetCommon.h"
#include "engine/build/BuildContext.h"

namespace kiln::components {

build::PrepareResult PuppetServerProvisioner::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

QString PuppetServerProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    ctx.ui.say(QStringLiteral("Provisioning with Puppet..."));
    GuestSession guest(ctx, comm, PuppetCommon::guestCommands(m_settings.common));
    const QString seeOutput = GuestSession::nonZeroExitSeeOutput();
    ctx.ui.message(QStringLiteral("Creating Puppet staging directory..."));
    QString error = guest.createDir(m_settings.common.stagingDir, true, seeOutput);
    if (!error.isEmpty())
        return QStringLiteral("Error creating staging directory: %1").arg(error);

    QString remoteCerts;
    if (!m_settings.clientCertPath.isEmpty()) {
        ctx.ui.message(
            QStringLiteral("Uploading client cert from: %1").arg(m_settings.clientCertPath));
        remoteCerts = m_settings.common.stagingDir + QStringLiteral("/certs");
        error = guest.uploadDirectory(remoteCerts, m_settings.clientCertPath, seeOutput);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading client cert: %1").arg(error);
    }
    QString remoteKeys;
    if (!m_settings.clientPrivateKeyPath.isEmpty()) {
        ctx.ui.message(QStringLiteral("Uploading client private keys from: %1")
                           .arg(m_settings.clientPrivateKeyPath));
        remoteKeys = m_settings.common.stagingDir + QStringLiteral("/private_keys");
        error = guest.uploadDirectory(remoteKeys, m_settings.clientPrivateKeyPath, seeOutput);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading client private keys: %1").arg(error);
    }

    const QVariantMap data{
        {QStringLiteral("ClientCertPath"), remoteCerts},
        {QStringLiteral("ClientPrivateKeyPath"), remoteKeys},
        {QStringLiteral("Debug"), false},
        {QStringLiteral("FacterVars"), PuppetCommon::facterVars(m_settings.common)},
        {QStringLiteral("PuppetNode"), m_settings.puppetNode},
        {QStringLiteral("PuppetServer"), m_settings.puppetServer},
        {QStringLiteral("PuppetBinDir"), m_settings.common.puppetBinDir},
        {QStringLiteral("Sudo"), !m_settings.common.preventSudo},
        {QStringLiteral("WorkingDir"), m_settings.common.workingDir},
    };
    QString command;
    error = PuppetCommon::renderCommand(m_settings.common, m_settings.config, data,
        QStringLiteral("*puppetserver.ExecuteTemplate"), &command);
    if (!error.isEmpty())
        return error;
    error = PuppetCommon::run(ctx, guest, m_settings.common, command, QString());
    if (!error.isEmpty()) {
        // As puppet-masterless: the uploaded keys do not stay on a failed machine when
        // clean_staging_directory is set (Packer keeps them).
        PuppetCommon::clean(guest, m_settings.common);
        return error;
    }
    return PuppetCommon::clean(guest, m_settings.common);
}

} // namespace kiln::components
