#include "components/provisioners/ansible/AnsibleProvisioner.h"

#include "components/provisioners/ansible/AnsibleArguments.h"
#include "components/provisioners/ansible/AnsibleInventory.h"
#include "components/shared/ansible/AdapterKey.h"
#include "components/shared/ansible/AnsibleHostCommand.h"
#include "components/shared/ansible/AnsiblePathChecks.h"
#include "components/shared/ansible/AnsibleSecretArguments.h"
#include "components/shared/ansible/SshProxyAdapter.h"
#include "engine/build/BuildContext.h"
#include "engine/build/SecretFilter.h"
#include "engine/communicator/ProcessGroup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <pwd.h>
#include <unistd.h>

namespace kiln::components {

namespace {

QString currentUserName()
{
    if (const passwd *pw = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return {};
}

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
    build::PrepareResult result;
    QStringList &errs = result.errors;
    m_config = config;
    m_command = config.string(QStringLiteral("command"));
    if (m_command.isEmpty())
        m_command = QStringLiteral("ansible-playbook");
    m_galaxyCommand = config.string(QStringLiteral("galaxy_command"));
    if (m_galaxyCommand.isEmpty())
        m_galaxyCommand = QStringLiteral("ansible-galaxy");
    m_hostAlias = config.string(QStringLiteral("host_alias"));
    if (m_hostAlias.isEmpty())
        m_hostAlias = QStringLiteral("default");
    m_playbookFile = config.string(QStringLiteral("playbook_file"));
    m_galaxyFile = config.string(QStringLiteral("galaxy_file"));
    m_extraArguments = config.stringList(QStringLiteral("extra_arguments"));
    m_envVars = config.stringList(QStringLiteral("ansible_env_vars"));
    m_sshExtraArgs = config.stringList(QStringLiteral("ansible_ssh_extra_args"));
    m_groups = config.stringList(QStringLiteral("groups"));
    m_emptyGroups = config.stringList(QStringLiteral("empty_groups"));
    m_inventoryFile = config.string(QStringLiteral("inventory_file"));
    m_inventoryDirectory = config.string(QStringLiteral("inventory_directory"));
    m_inventoryTemplate = config.string(QStringLiteral("inventory_file_template"));
    m_keepInventoryFile = config.boolean(QStringLiteral("keep_inventory_file"));
    m_useProxy = config.optionalBoolean(QStringLiteral("use_proxy"));
    m_localPort = int(config.integer(QStringLiteral("local_port")));
    m_hostKeyFile = config.string(QStringLiteral("ssh_host_key_file"));
    m_sftpCommand = config.string(QStringLiteral("sftp_command"));
    m_authorizedKeyFile = config.string(QStringLiteral("ssh_authorized_key_file"));
    m_rolesPath = config.string(QStringLiteral("roles_path"));
    m_collectionsPath = config.string(QStringLiteral("collections_path"));
    m_galaxyForce = config.boolean(QStringLiteral("galaxy_force_install"));
    m_galaxyForceWithDeps = config.boolean(QStringLiteral("galaxy_force_with_deps"));

    auto check = [&errs](const QString &error) {
        if (!error.isEmpty())
            errs << error;
    };
    check(AnsiblePathChecks::file(m_playbookFile, QStringLiteral("playbook_file"), true));
    if (!m_galaxyFile.isEmpty())
        check(AnsiblePathChecks::file(m_galaxyFile, QStringLiteral("galaxy_file"), true));
    if (!m_authorizedKeyFile.isEmpty())
        check(AnsiblePathChecks::file(
            m_authorizedKeyFile, QStringLiteral("ssh_authorized_key_file"), true));
    if (!m_hostKeyFile.isEmpty())
        check(AnsiblePathChecks::file(m_hostKeyFile, QStringLiteral("ssh_host_key_file"), true));
    else
        m_envVars << QStringLiteral("ANSIBLE_HOST_KEY_CHECKING=False");
    if (!config.boolean(QStringLiteral("use_sftp")))
        m_envVars << QStringLiteral("ANSIBLE_SCP_IF_SSH=True");
    if (m_localPort > 65535)
        errs << QStringLiteral("local_port: %1 must be a valid port").arg(m_localPort);
    if (!m_inventoryDirectory.isEmpty())
        check(AnsiblePathChecks::directory(
            m_inventoryDirectory, QStringLiteral("inventory_directory")));

    if (!config.boolean(QStringLiteral("skip_version_check"))) {
        comm::ProcessGroup::Options version;
        version.argv = QStringList{m_command, QStringLiteral("--version")};
        QByteArray out;
        version.onStdout = [&out](const QByteArray &chunk) { out += chunk; };
        const comm::CommandResult ran
            = comm::ProcessGroup::run(version, build::CancelToken::create());
        if (!ran.error.isEmpty() || ran.exitStatus != 0) {
            errs << QStringLiteral("Error running \"%1 --version\": %2")
                        .arg(m_command,
                            ran.error.isEmpty()
                                ? QStringLiteral("exit status %1").arg(ran.exitStatus)
                                : ran.error);
        } else {
            static const QRegularExpression versionRe(QStringLiteral("\\w (\\d+\\.\\d+[.\\d+]*)"));
            const QRegularExpressionMatch m = versionRe.match(QString::fromUtf8(out));
            if (!m.hasMatch())
                errs << QStringLiteral("Could not find %1 version in output:\n%2")
                            .arg(m_command, QString::fromUtf8(out));
            else
                m_ansibleMajorVersion = m.captured(1).section(QLatin1Char('.'), 0, 0).toInt();
        }
    }

    m_user = config.string(QStringLiteral("user"));
    m_userWasEmpty = m_user.isEmpty();
    if (m_userWasEmpty)
        m_user = currentUserName();
    if (m_user.isEmpty())
        errs << QStringLiteral("user: could not determine current user from environment.");

    m_keyType = config.string(QStringLiteral("ansible_proxy_key_type"), QStringLiteral("ECDSA"))
                    .toUpper();
    if (m_keyType.isEmpty())
        m_keyType = QStringLiteral("ECDSA");
    if (m_keyType != QLatin1String("RSA") && m_keyType != QLatin1String("ECDSA"))
        errs << QStringLiteral("Invalid value for ansible_proxy_key_type: \"%1\". Supported values "
                               "are ECDSA or RSA.")
                    .arg(m_keyType);

    if (config.boolean(QStringLiteral("ansible_winrm_use_http"))) {
        bool scheme = false;
        for (const QString &arg : std::as_const(m_extraArguments))
            scheme = scheme || arg.startsWith(QLatin1String("ansible_winrm_scheme"));
        if (!scheme)
            m_extraArguments << QStringLiteral("-e") << QStringLiteral("ansible_winrm_scheme=http");
    }
    return result;
}

QString AnsibleProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    ctx.ui.say(QStringLiteral("Provisioning with Ansible..."));
    const QVariantMap &data = ctx.generatedData;
    // Packer masks these values only in its "Executing Ansible" line (and leaks them when
    // Ansible echoes them, packer#11078); registered as secrets they are hidden everywhere.
    if (ctx.secrets)
        ctx.secrets->add(AnsibleSecretArguments::values(m_extraArguments));
    bool useProxy = m_useProxy.value_or(true);
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
    QString user = m_user;
    std::unique_ptr<AdapterKey> userKey;
    std::unique_ptr<AdapterKey> hostKey;
    std::unique_ptr<SshProxyAdapter> adapter;
    QString error;
    if (useProxy) {
        ctx.ui.say(QStringLiteral("Setting up proxy adapter for Ansible...."));
        if (!m_authorizedKeyFile.isEmpty()) {
            userKey = AdapterKey::loadPublic(m_authorizedKeyFile, &error);
        } else {
            userKey = AdapterKey::generate(m_keyType, &error);
            if (userKey) {
                privateKeyFile = userKey->writePrivateKeyFile(&error);
                removeOnExit.paths << privateKeyFile;
            }
        }
        if (!error.isEmpty())
            return error;
        hostKey = m_hostKeyFile.isEmpty() ? AdapterKey::generate(m_keyType, &error)
                                          : AdapterKey::loadPrivate(m_hostKeyFile, &error);
        if (!hostKey)
            return QStringLiteral("error creating host signer: %1").arg(error);
        adapter = std::make_unique<SshProxyAdapter>(comm, ctx.ui, ctx.cancel);
        if (!adapter->listen(m_localPort, &error))
            return error;
        SshProxyAdapter::Settings settings;
        settings.user = m_user;
        settings.userKey = userKey.get();
        settings.hostKey = hostKey.get();
        settings.sftpCommand = m_sftpCommand;
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
        if (m_userWasEmpty)
            user = data.value(QStringLiteral("User")).toString();
    } else {
        ctx.ui.say(QStringLiteral("Not using Proxy adapter for Ansible run:\n\tUsing WinRM "
                                  "Password from Packer communicator..."));
    }

    QString inventory = m_inventoryFile;
    if (inventory.isEmpty()) {
        QVariantMap templateData = data;
        templateData.insert(QStringLiteral("HostAlias"), m_hostAlias);
        templateData.insert(QStringLiteral("User"), user);
        if (useProxy) {
            templateData.insert(QStringLiteral("Host"), QStringLiteral("127.0.0.1"));
            templateData.insert(QStringLiteral("Port"), adapter->port());
        }
        QString hostTemplate = m_inventoryTemplate;
        if (hostTemplate.isEmpty()) {
            hostTemplate = AnsibleInventory::defaultTemplate(m_ansibleMajorVersion);
            if (!useProxy && data.value(QStringLiteral("ConnType")) == QLatin1String("winrm"))
                hostTemplate = QStringLiteral(
                    "{{ .HostAlias}} ansible_host={{ .Host }} ansible_connection=winrm "
                    "ansible_winrm_transport=basic ansible_shell_type=powershell ansible_user={{ "
                    ".User}} ansible_port={{ .Port }}\n");
        }
        const QString text = AnsibleInventory::render(
            hostTemplate, templateData, m_groups, m_emptyGroups, m_config.interpolation, &error);
        if (!error.isEmpty())
            return error;
        inventory = AnsibleInventory::write(m_inventoryDirectory, text, &error);
        if (inventory.isEmpty())
            return error;
        if (!m_keepInventoryFile)
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
    QStringList roleArgs{QStringLiteral("install"), QStringLiteral("-r"), m_galaxyFile};
    QStringList collectionArgs{QStringLiteral("collection"), QStringLiteral("install"),
        QStringLiteral("-r"), m_galaxyFile};
    if (m_galaxyForce) {
        roleArgs << QStringLiteral("-f");
        collectionArgs << QStringLiteral("-f");
    }
    if (m_galaxyForceWithDeps) {
        roleArgs << QStringLiteral("--force-with-deps");
        collectionArgs << QStringLiteral("--force-with-deps");
    }
    if (!m_rolesPath.isEmpty())
        roleArgs << QStringLiteral("-p") << m_rolesPath;
    if (!m_collectionsPath.isEmpty())
        collectionArgs << QStringLiteral("-p") << m_collectionsPath;
    const bool roles = AnsiblePathChecks::galaxyHas(m_galaxyFile, QStringLiteral("roles"));
    const bool collections
        = AnsiblePathChecks::galaxyHas(m_galaxyFile, QStringLiteral("collections"));
    if (roles || !collections) {
        ctx.ui.say(QStringLiteral("Executing Ansible Galaxy"));
        const QString error
            = AnsibleHostCommand::run(m_galaxyCommand, roleArgs, m_envVars, ctx.ui, ctx.cancel);
        if (!error.isEmpty())
            return error;
    }
    if (collections) {
        ctx.ui.say(QStringLiteral("Executing Ansible Galaxy"));
        return AnsibleHostCommand::run(
            m_galaxyCommand, collectionArgs, m_envVars, ctx.ui, ctx.cancel);
    }
    return {};
}

QString AnsibleProvisioner::runAnsible(build::BuildContext &ctx, const QString &inventory,
    const QString &privateKeyFile, bool useProxy) const
{
    if (!m_galaxyFile.isEmpty()) {
        const QString error = runGalaxy(ctx);
        if (!error.isEmpty())
            return QStringLiteral("Error executing Ansible Galaxy: %1").arg(error);
    }
    AnsibleArguments::Inputs in;
    in.buildName = m_config.interpolation.buildName;
    in.builderType = m_config.interpolation.buildType.isEmpty() ? ctx.builderType
                                                                : m_config.interpolation.buildType;
    in.generatedData = ctx.generatedData;
    in.extraArguments = m_extraArguments;
    in.sshExtraArgs = m_sshExtraArgs;
    in.envVars = m_envVars;
    in.useProxy = useProxy;
    in.privateKeyFile = privateKeyFile;
    in.inventory = inventory;
    in.playbook = QFileInfo(m_playbookFile).absoluteFilePath();
    const QStringList args = AnsibleArguments::build(in);
    ctx.ui.say(QStringLiteral("Executing Ansible: %1")
                   .arg(AnsibleArguments::sanitized(
                       m_command, args, m_extraArguments, ctx.generatedData)));
    return AnsibleHostCommand::run(m_command, args, m_envVars, ctx.ui, ctx.cancel);
}

} // namespace kiln::components
