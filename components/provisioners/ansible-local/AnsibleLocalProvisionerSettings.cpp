#include "components/provisioners/ansible-local/AnsibleLocalProvisionerSettings.h"

#include "components/shared/ansible/AnsiblePathSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QUuid>

namespace kiln::components {

QString AnsibleLocalProvisionerSettings::joinPath(const QString &a, const QString &b)
{
    return QDir::cleanPath(a + QLatin1Char('/') + b);
}

build::PrepareResult AnsibleLocalProvisionerSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    QStringList &errs = result.errors;
    this->config = config;
    command = config.string(QStringLiteral("command"));
    if (command.isEmpty())
        command = QStringLiteral("ANSIBLE_FORCE_COLOR=1 PYTHONUNBUFFERED=1 ansible-playbook");
    galaxyCommand = config.string(QStringLiteral("galaxy_command"));
    if (galaxyCommand.isEmpty())
        galaxyCommand = QStringLiteral("ansible-galaxy");
    stagingDir = config.string(QStringLiteral("staging_directory"));
    if (stagingDir.isEmpty())
        stagingDir = QStringLiteral("/tmp/packer-provisioner-ansible-local/")
            + QUuid::createUuid().toString(QUuid::WithoutBraces);
    galaxyRolesPath = config.string(QStringLiteral("galaxy_roles_path"));
    if (galaxyRolesPath.isEmpty())
        galaxyRolesPath = joinPath(stagingDir, QStringLiteral("galaxy_roles"));
    galaxyCollectionsPath = config.string(QStringLiteral("galaxy_collections_path"));
    if (galaxyCollectionsPath.isEmpty())
        galaxyCollectionsPath = joinPath(stagingDir, QStringLiteral("galaxy_collections"));
    playbookFile = config.string(QStringLiteral("playbook_file"));
    playbookDir = config.string(QStringLiteral("playbook_dir"));
    playbookPaths = config.stringList(QStringLiteral("playbook_paths"));
    rolePaths = config.stringList(QStringLiteral("role_paths"));
    collectionPaths = config.stringList(QStringLiteral("collection_paths"));
    groupVars = config.string(QStringLiteral("group_vars"));
    hostVars = config.string(QStringLiteral("host_vars"));
    inventoryFile = config.string(QStringLiteral("inventory_file"));
    inventoryGroups = config.stringList(QStringLiteral("inventory_groups"));
    galaxyFile = config.string(QStringLiteral("galaxy_file"));
    extraArguments = config.stringList(QStringLiteral("extra_arguments"));
    galaxyForce = config.boolean(QStringLiteral("galaxy_force_install"));
    cleanStaging = config.boolean(QStringLiteral("clean_staging_directory"));

    auto check = [&errs](const QString &error) {
        if (!error.isEmpty())
            errs << error;
    };
    const QStringList files = config.stringList(QStringLiteral("playbook_files"));
    if (!files.isEmpty() && !playbookFile.isEmpty())
        errs << QStringLiteral("Either playbook_file or playbook_files can be specified, not both");
    if (files.isEmpty() && playbookFile.isEmpty())
        errs << QStringLiteral("Either playbook_file or playbook_files must be specified");
    if (!playbookFile.isEmpty())
        check(AnsiblePathSettings::file(playbookFile, QStringLiteral("playbook_file"), true));
    playbookFiles.clear();
    for (const QString &file : files) {
        const QString error
            = AnsiblePathSettings::file(file, QStringLiteral("playbook_files"), true);
        if (error.isEmpty())
            playbookFiles << QFileInfo(file).absoluteFilePath();
        else
            errs << error;
    }
    if (!inventoryFile.isEmpty())
        check(AnsiblePathSettings::file(inventoryFile, QStringLiteral("inventory_file"), true));
    if (!galaxyFile.isEmpty())
        check(AnsiblePathSettings::file(galaxyFile, QStringLiteral("galaxy_file"), true));
    if (!playbookDir.isEmpty())
        check(AnsiblePathSettings::directory(playbookDir, QStringLiteral("playbook_dir")));
    if (!groupVars.isEmpty())
        check(AnsiblePathSettings::directory(groupVars, QStringLiteral("group_vars")));
    if (!hostVars.isEmpty())
        check(AnsiblePathSettings::directory(hostVars, QStringLiteral("host_vars")));
    for (const QString &path : std::as_const(playbookPaths))
        check(AnsiblePathSettings::directory(path, QStringLiteral("playbook_paths")));
    for (const QString &path : std::as_const(rolePaths))
        check(AnsiblePathSettings::directory(path, QStringLiteral("role_paths")));
    for (const QString &path : std::as_const(collectionPaths))
        check(AnsiblePathSettings::directory(path, QStringLiteral("collection_paths")));
    return result;
}

} // namespace kiln::components
