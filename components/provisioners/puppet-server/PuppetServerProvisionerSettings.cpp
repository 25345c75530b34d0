#include "components/provisioners/puppet-server/PuppetServerProvisionerSettings.h"

#include "components/shared/LocalFileSettings.h"

#include <QFileInfo>

namespace kiln::components {

build::PrepareResult PuppetServerProvisionerSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    this->config = config;
    QString error;
    if (!common.read(
            config, PuppetCommonSettings::Mode::Agent, QStringLiteral("staging_dir"), &error)) {
        result.errors << error;
        return result;
    }
    clientCertPath = config.string(QStringLiteral("client_cert_path"));
    clientPrivateKeyPath = config.string(QStringLiteral("client_private_key_path"));
    puppetNode = config.string(QStringLiteral("puppet_node"));
    puppetServer = config.string(QStringLiteral("puppet_server"));

    // Packer names the keys client_cert_dir and client_private_key_dir in these messages.
    if (!clientCertPath.isEmpty()) {
        const QString statError = LocalFileSettings::statError(clientCertPath);
        if (!statError.isEmpty())
            result.errors << QStringLiteral("client_cert_dir is invalid: %1").arg(statError);
        else if (!QFileInfo(clientCertPath).isDir())
            result.errors << QStringLiteral("client_cert_dir must point to a directory");
    }
    if (!clientPrivateKeyPath.isEmpty()) {
        const QString statError = LocalFileSettings::statError(clientPrivateKeyPath);
        if (!statError.isEmpty())
            result.errors << QStringLiteral("client_private_key_dir is invalid: %1").arg(statError);
        else if (!QFileInfo(clientPrivateKeyPath).isDir())
            result.errors << QStringLiteral("client_private_key_dir must point to a directory");
    }
    result.errors << PuppetCommonSettings::validate(config);
    return result;
}

} // namespace kiln::components
