#include "components/provisioners/ansible/AnsibleProvisionerSettings.h"

#include "components/shared/LocalFileSettings.h"
#include "components/shared/ansible/AnsiblePathSettings.h"

#include "engine/communicator/ProcessGroup.h"

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

} // namespace

build::PrepareResult AnsibleProvisionerSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    QStringList &errs = result.errors;
    this->config = config;
    command = config.string(QStringLiteral("command"));
    if (command.isEmpty())
        command = QStringLiteral("ansible-playbook");
    galaxyCommand = config.string(QStringLiteral("galaxy_command"));
    if (galaxyCommand.isEmpty())
        galaxyCommand = QStringLiteral("ansible-galaxy");
    hostAlias = config.string(QStringLiteral("host_alias"));
    if (hostAlias.isEmpty())
        hostAlias = QStringLiteral("default");
    playbookFile = config.string(QStringLiteral("playbook_file"));
    galaxyFile = config.string(QStringLiteral("galaxy_file"));
    extraArguments = config.stringList(QStringLiteral("extra_arguments"));
    envVars = config.stringList(QStringLiteral("ansible_env_vars"));
    sshExtraArgs = config.stringList(QStringLiteral("ansible_ssh_extra_args"));
    groups = config.stringList(QStringLiteral("groups"));
    emptyGroups = config.stringList(QStringLiteral("empty_groups"));
    inventoryFile = config.string(QStringLiteral("inventory_file"));
    inventoryDirectory = config.string(QStringLiteral("inventory_directory"));
    inventoryTemplate = config.string(QStringLiteral("inventory_file_template"));
    keepInventoryFile = config.boolean(QStringLiteral("keep_inventory_file"));
    useProxy = config.optionalBoolean(QStringLiteral("use_proxy"));
    localPort = int(config.integer(QStringLiteral("local_port")));
    hostKeyFile = config.string(QStringLiteral("ssh_host_key_file"));
    sftpCommand = config.string(QStringLiteral("sftp_command"));
    authorizedKeyFile = config.string(QStringLiteral("ssh_authorized_key_file"));
    rolesPath = config.string(QStringLiteral("roles_path"));
    collectionsPath = config.string(QStringLiteral("collections_path"));
    galaxyForce = config.boolean(QStringLiteral("galaxy_force_install"));
    galaxyForceWithDeps = config.boolean(QStringLiteral("galaxy_force_with_deps"));

    auto check = [&errs](const QString &error) {
        if (!error.isEmpty())
            errs << error;
    };
    check(AnsiblePathSettings::file(playbookFile, QStringLiteral("playbook_file"), true));
    if (!galaxyFile.isEmpty())
        check(AnsiblePathSettings::file(galaxyFile, QStringLiteral("galaxy_file"), true));
    if (!authorizedKeyFile.isEmpty())
        check(AnsiblePathSettings::file(
            authorizedKeyFile, QStringLiteral("ssh_authorized_key_file"), true));
    if (!hostKeyFile.isEmpty())
        check(AnsiblePathSettings::file(hostKeyFile, QStringLiteral("ssh_host_key_file"), true));
    else
        envVars << QStringLiteral("ANSIBLE_HOST_KEY_CHECKING=False");
    if (!config.boolean(QStringLiteral("use_sftp")))
        envVars << QStringLiteral("ANSIBLE_SCP_IF_SSH=True");
    if (localPort > 65535)
        errs << QStringLiteral("local_port: %1 must be a valid port").arg(localPort);
    if (!inventoryDirectory.isEmpty())
        check(AnsiblePathSettings::directory(
            inventoryDirectory, QStringLiteral("inventory_directory")));

    if (!config.boolean(QStringLiteral("skip_version_check"))) {
        comm::ProcessGroup::Options version;
        version.argv = QStringList{command, QStringLiteral("--version")};
        QByteArray out;
        version.onStdout = [&out](const QByteArray &chunk) { out += chunk; };
        const comm::CommandResult ran
            = comm::ProcessGroup::run(version, build::CancelToken::create());
        if (!ran.error.isEmpty() || ran.exitStatus != 0) {
            errs << QStringLiteral("Error running \"%1 --version\": %2")
                        .arg(command,
                            ran.error.isEmpty()
                                ? QStringLiteral("exit status %1").arg(ran.exitStatus)
                                : ran.error);
        } else {
            static const QRegularExpression versionRe(QStringLiteral("\\w (\\d+\\.\\d+[.\\d+]*)"));
            const QRegularExpressionMatch m = versionRe.match(QString::fromUtf8(out));
            if (!m.hasMatch())
                errs << QStringLiteral("Could not find %1 version in output:\n%2")
                            .arg(command, QString::fromUtf8(out));
            else
                ansibleMajorVersion = m.captured(1).section(QLatin1Char('.'), 0, 0).toInt();
        }
    }

    user = config.string(QStringLiteral("user"));
    userWasEmpty = user.isEmpty();
    if (userWasEmpty)
        user = currentUserName();
    if (user.isEmpty())
        errs << QStringLiteral("user: could not determine current user from environment.");

    keyType = config.string(QStringLiteral("ansible_proxy_key_type"), QStringLiteral("ECDSA"))
                  .toUpper();
    if (keyType.isEmpty())
        keyType = QStringLiteral("ECDSA");
    if (keyType != QLatin1String("RSA") && keyType != QLatin1String("ECDSA"))
        errs << QStringLiteral("Invalid value for ansible_proxy_key_type: \"%1\". Supported values "
                               "are ECDSA or RSA.")
                    .arg(keyType);

    if (config.boolean(QStringLiteral("ansible_winrm_use_http"))) {
        bool scheme = false;
        for (const QString &arg : std::as_const(extraArguments))
            scheme = scheme || arg.startsWith(QLatin1String("ansible_winrm_scheme"));
        if (!scheme)
            extraArguments << QStringLiteral("-e") << QStringLiteral("ansible_winrm_scheme=http");
    }
    return result;
}

} // namespace kiln::components
