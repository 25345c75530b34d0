#include "components/provisioners/puppet-server/PuppetServerProvisioner.h"

#include "components/shared/ShellScriptFiles.h"
#include "components/shared/cm/GuestSession.h"
#include "engine/build/BuildContext.h"

#include <QFileInfo>

namespace kiln::components {

build::PrepareResult PuppetServerProvisioner::prepare(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    m_config = config;
    QString error;
    if (!PuppetCommon::read(config, PuppetCommon::Mode::Agent, QStringLiteral("staging_dir"),
            &m_settings, &error)) {
        result.errors << error;
        return result;
    }
    m_clientCertPath = config.string(QStringLiteral("client_cert_path"));
    m_clientPrivateKeyPath = config.string(QStringLiteral("client_private_key_path"));
    m_puppetNode = config.string(QStringLiteral("puppet_node"));
    m_puppetServer = config.string(QStringLiteral("puppet_server"));

    // Packer names the keys client_cert_dir and client_private_key_dir in these messages.
    if (!m_clientCertPath.isEmpty()) {
        const QString statError = ShellScriptFiles::statError(m_clientCertPath);
        if (!statError.isEmpty())
            result.errors << QStringLiteral("client_cert_dir is invalid: %1").arg(statError);
        else if (!QFileInfo(m_clientCertPath).isDir())
            result.errors << QStringLiteral("client_cert_dir must point to a directory");
    }
    if (!m_clientPrivateKeyPath.isEmpty()) {
        const QString statError = ShellScriptFiles::statError(m_clientPrivateKeyPath);
        if (!statError.isEmpty())
            result.errors << QStringLiteral("client_private_key_dir is invalid: %1").arg(statError);
        else if (!QFileInfo(m_clientPrivateKeyPath).isDir())
            result.errors << QStringLiteral("client_private_key_dir must point to a directory");
    }
    result.errors << PuppetCommon::validate(config);
    return result;
}

QString PuppetServerProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    ctx.ui.say(QStringLiteral("Provisioning with Puppet..."));
    GuestSession guest(ctx, comm, m_settings.commands);
    const QString seeOutput = GuestSession::nonZeroExitSeeOutput();
    ctx.ui.message(QStringLiteral("Creating Puppet staging directory..."));
    QString error = guest.createDir(m_settings.stagingDir, true, seeOutput);
    if (!error.isEmpty())
        return QStringLiteral("Error creating staging directory: %1").arg(error);

    QString remoteCerts;
    if (!m_clientCertPath.isEmpty()) {
        ctx.ui.message(QStringLiteral("Uploading client cert from: %1").arg(m_clientCertPath));
        remoteCerts = m_settings.stagingDir + QStringLiteral("/certs");
        error = guest.uploadDirectory(remoteCerts, m_clientCertPath, seeOutput);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading client cert: %1").arg(error);
    }
    QString remoteKeys;
    if (!m_clientPrivateKeyPath.isEmpty()) {
        ctx.ui.message(
            QStringLiteral("Uploading client private keys from: %1").arg(m_clientPrivateKeyPath));
        remoteKeys = m_settings.stagingDir + QStringLiteral("/private_keys");
        error = guest.uploadDirectory(remoteKeys, m_clientPrivateKeyPath, seeOutput);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading client private keys: %1").arg(error);
    }

    const QVariantMap data{
        {QStringLiteral("ClientCertPath"), remoteCerts},
        {QStringLiteral("ClientPrivateKeyPath"), remoteKeys},
        {QStringLiteral("Debug"), false},
        {QStringLiteral("FacterVars"), PuppetCommon::facterVars(m_settings)},
        {QStringLiteral("PuppetNode"), m_puppetNode},
        {QStringLiteral("PuppetServer"), m_puppetServer},
        {QStringLiteral("PuppetBinDir"), m_settings.puppetBinDir},
        {QStringLiteral("Sudo"), !m_settings.preventSudo},
        {QStringLiteral("WorkingDir"), m_settings.workingDir},
    };
    QString command;
    error = PuppetCommon::renderCommand(
        m_settings, m_config, data, QStringLiteral("*puppetserver.ExecuteTemplate"), &command);
    if (!error.isEmpty())
        return error;
    error = PuppetCommon::run(ctx, guest, m_settings, command, QString());
    if (!error.isEmpty()) {
        // As puppet-masterless: the uploaded keys do not stay on a failed machine when
        // clean_staging_directory is set (Packer keeps them).
        PuppetCommon::clean(guest, m_settings);
        return error;
    }
    return PuppetCommon::clean(guest, m_settings);
}

} // namespace kiln::components
