#include "components/provisioners/ansible/AnsibleProvisioner.h"

#include "components/provisioners/ansible/AnsibleArguments.h"
#include "components/provisioners/ansible/AnsibleInventory.h"
#include "components/shared/ansible/AdapterKey.h"
#include "components/shared/ansible/AnsibleHostCommand.h"
#include "components/shared/ansible/AnsiblePathSettings.h"
#include "components/shared/ansible/AnsibleSecretArguments.h"
#include "components/shared/ansible/SshProxyAdapter.h"
#include "engine/build/BuildContext.h"
#include "engine/build/SecretFilter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

namespace kiln::components {

namespace {

// Removes the files it holds when the provisioning ends, however it ends.
struct RemoveOnExit
{
    QStringList paths;
    ~RemoveOnExit()
    {
        for (const QString &p : paths)
            QFile::remove(p);
    }
};

} // namespace

build::PrepareResult AnsibleProvisioner::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

QString AnsibleProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    ctx.ui.say(QStringLiteral("Provisioning with Ansible..."));
    const QVariantMap &data = ctx.generatedData;
    // Packer masks these values only in its "Executing Ansible" line (and leaks them when
    // Ansible echoes them, packer#11078); registered as secrets they are hidden everywhere.
    if (ctx.secrets)
        ctx.secrets->add(AnsibleSecretArguments::values(m_settings.extraArguments));
    bool useProxy = m_settings.useProxy.value_or(true);
    if (!useProxy) {
        if (data.value(QStringLiteral("Host")).toString().isEmpty()) {
            ctx.ui.error(QStringLiteral(
                "Warning: use_proxy is false, but instance does not have an IP address to give to "
                "Ansible. Falling back to use localhost proxy."));
            useProxy = true;
        }
        const QString connType = data.value(QStringLiteral("ConnType")).toString();
        if (connType != QLatin1String("ssh") && connType != QLatin1String("winrm")) {
            ctx.ui.error(QStringLiteral(
                "Warning: use_proxy is false, but communicator is neither ssh nor winrm, so "
                "without the proxy ansible will not function. Falling back to localhost proxy."));
            useProxy = true;
        }
    }

    RemoveOnExit removeOnExit;
    QString privateKeyFile;
    QString user = m_settings.user;
    std::unique_ptr<AdapterKey> userKey;
    std::unique_ptr<AdapterKey> hostKey;
    std::unique_ptr<SshProxyAdapter> adapter;
    QString error;
    if (useProxy) {
        ctx.ui.say(QStringLiteral("Setting up proxy adapter for Ansible...."));
        if (!m_settings.authorizedKeyFile.isEmpty()) {
            userKey = AdapterKey::loadPublic(m_settings.authorizedKeyFile, &error);
        } else {
            userKey = AdapterKey::generate(m_settings.keyType, &error);
            if (userKey) {
                privateKeyFile = userKey->writePrivateKeyFile(&error);
                removeOnExit.paths << privateKeyFile;
            }
        }
        if (!error.isEmpty())
            return error;
        hostKey = m_settings.hostKeyFile.isEmpty()
            ? AdapterKey::generate(m_settings.keyType, &error)
            : AdapterKey::loadPrivate(m_settings.hostKeyFile, &error);
        if (!hostKey)
            return QStringLiteral("error creating host signer: %1").arg(error);
        adapter = std::make_unique<SshProxyAdapter>(comm, ctx.ui, ctx.cancel);
        if (!adapter->listen(m_settings.localPort, &error))
            return error;
        SshProxyAdapter::Settings settings;
        settings.user = m_settings.user;
        settings.userKey = userKey.get();
        settings.hostKey = hostKey.get();
        settings.sftpCommand = m_settings.sftpCommand;
        if (!adapter->start(settings, &error))
            return error;
    } else if (data.value(QStringLiteral("ConnType")).toString() == QLatin1String("ssh")) {
        ctx.ui.say(QStringLiteral("Not using Proxy adapter for Ansible run:\n\tUsing ssh keys from "
                                  "Packer communicator..."));
        const QString key = data.value(QStringLiteral("SSHPrivateKey")).toString();
        if (!key.isEmpty()) {
            // The communicator's key, for Ansible's ssh: a private file, removed afterwards.
            QString path = QStringLiteral("%1/ansible-key%2")
                               .arg(QDir::tempPath())
                               .arg(QRandomGenerator::system()->generate());
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly)
                || !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
                || f.write(key.toUtf8()) != key.toUtf8().size()) {
                QFile::remove(path);
                return QStringLiteral("Error writing private key to temp file for ansible "
                                      "connection: %1")
                    .arg(f.errorString());
            }
            f.close();
            privateKeyFile = path;
            removeOnExit.paths << path;
        }
        if (m_settings.userWasEmpty)
            user = data.value(QStringLiteral("User")).toString();
    } else {
        ctx.ui.say(QStringLiteral("Not using Proxy adapter for Ansible run:\n\tUsing WinRM "
                                  "Password from Packer communicator..."));
    }

    QString inventory = m_settings.inventoryFile;
    if (inventory.isEmpty()) {
        QVariantMap templateData = data;
        templateData.insert(QStringLiteral("HostAlias"), m_settings.hostAlias);
        templateData.insert(QStringLiteral("User"), user);
        if (useProxy) {
            templateData.insert(QStringLiteral("Host"), QStringLiteral("127.0.0.1"));
            templateData.insert(QStringLiteral("Port"), adapter->port());
        }
        QString hostTemplate = m_settings.inventoryTemplate;
        if (hostTemplate.isEmpty()) {
            hostTemplate = AnsibleInventory::defaultTemplate(m_settings.ansibleMajorVersion);
            if (!useProxy && data.value(QStringLiteral("ConnType")) == QLatin1String("winrm"))
                hostTemplate = QStringLiteral(
                    "{{ .HostAlias}} ansible_host={{ .Host }} ansible_connection=winrm "
                    "ansible_winrm_transport=basic ansible_shell_type=powershell ansible_user={{ "
                    ".User}} ansible_port={{ .Port }}\n");
        }
        const QString text = AnsibleInventory::render(hostTemplate, templateData, m_settings.groups,
            m_settings.emptyGroups, m_settings.config.interpolation, &error);
        if (!error.isEmpty())
            return error;
        inventory = AnsibleInventory::write(m_settings.inventoryDirectory, text, &error);
        if (inventory.isEmpty())
            return error;
        if (!m_settings.keepInventoryFile)
            removeOnExit.paths << inventory;
    }

    error = runAnsible(ctx, inventory, privateKeyFile, useProxy);
    if (adapter)
        adapter->shutdown();
    if (!error.isEmpty())
        return QStringLiteral("Error executing Ansible: %1").arg(error);
    return {};
}

QString AnsibleProvisioner::runGalaxy(build::BuildContext &ctx) const
{
    QStringList roleArgs{QStringLiteral("install"), QStringLiteral("-r"), m_settings.galaxyFile};
    QStringList collectionArgs{QStringLiteral("collection"), QStringLiteral("install"),
        QStringLiteral("-r"), m_settings.galaxyFile};
    if (m_settings.galaxyForce) {
        roleArgs << QStringLiteral("-f");
        collectionArgs << QStringLiteral("-f");
    }
    if (m_settings.galaxyForceWithDeps) {
        roleArgs << QStringLiteral("--force-with-deps");
        collectionArgs << QStringLiteral("--force-with-deps");
    }
    if (!m_settings.rolesPath.isEmpty())
        roleArgs << QStringLiteral("-p") << m_settings.rolesPath;
    if (!m_settings.collectionsPath.isEmpty())
        collectionArgs << QStringLiteral("-p") << m_settings.collectionsPath;
    const bool roles
        = AnsiblePathSettings::galaxyHas(m_settings.galaxyFile, QStringLiteral("roles"));
    const bool collections
        = AnsiblePathSettings::galaxyHas(m_settings.galaxyFile, QStringLiteral("collections"));
    if (roles || !collections) {
        ctx.ui.say(QStringLiteral("Executing Ansible Galaxy"));
        const QString error = AnsibleHostCommand::run(
            m_settings.galaxyCommand, roleArgs, m_settings.envVars, ctx.ui, ctx.cancel);
        if (!error.isEmpty())
            return error;
    }
    if (collections) {
        ctx.ui.say(QStringLiteral("Executing Ansible Galaxy"));
        return AnsibleHostCommand::run(
            m_settings.galaxyCommand, collectionArgs, m_settings.envVars, ctx.ui, ctx.cancel);
    }
    return {};
}

QString AnsibleProvisioner::runAnsible(build::BuildContext &ctx, const QString &inventory,
    const QString &privateKeyFile, bool useProxy) const
{
    if (!m_settings.galaxyFile.isEmpty()) {
        const QString error = runGalaxy(ctx);
        if (!error.isEmpty())
            return QStringLiteral("Error executing Ansible Galaxy: %1").arg(error);
    }
    AnsibleArguments::Inputs in;
    in.buildName = m_settings.config.interpolation.buildName;
    in.builderType = m_settings.config.interpolation.buildType.isEmpty()
        ? ctx.builderType
        : m_settings.config.interpolation.buildType;
    in.generatedData = ctx.generatedData;
    in.extraArguments = m_settings.extraArguments;
    in.sshExtraArgs = m_settings.sshExtraArgs;
    in.envVars = m_settings.envVars;
    in.useProxy = useProxy;
    in.privateKeyFile = privateKeyFile;
    in.inventory = inventory;
    in.playbook = QFileInfo(m_settings.playbookFile).absoluteFilePath();
    const QStringList args = AnsibleArguments::build(in);
    ctx.ui.say(QStringLiteral("Executing Ansible: %1")
                   .arg(AnsibleArguments::sanitized(
                       m_settings.command, args, m_settings.extraArguments, ctx.generatedData)));
    return AnsibleHostCommand::run(
        m_settings.command, args, m_settings.envVars, ctx.ui, ctx.cancel);
}

} // namespace kiln::components
