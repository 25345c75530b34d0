#include "components/provisioners/ansible-local/AnsibleLocalProvisioner.h"

#include "components/provisioners/ansible/AnsibleInventory.h"
#include "components/shared/ShellRunner.h"
#include "components/shared/ansible/AnsiblePathChecks.h"
#include "components/shared/ansible/AnsibleSecretArguments.h"
#include "engine/build/BuildContext.h"
#include "engine/build/SecretFilter.h"
#include "engine/communicator/Communicator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace kiln::components {

namespace {

// filepath.ToSlash(filepath.Join(a, b)) for the machine's paths.
QString joinPath(const QString &a, const QString &b)
{
    return QDir::cleanPath(a + QLatin1Char('/') + b);
}

} // namespace

build::PrepareResult AnsibleLocalProvisioner::prepare(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    QStringList &errs = result.errors;
    m_config = config;
    m_command = config.string(QStringLiteral("command"));
    if (m_command.isEmpty())
        m_command = QStringLiteral("ANSIBLE_FORCE_COLOR=1 PYTHONUNBUFFERED=1 ansible-playbook");
    m_galaxyCommand = config.string(QStringLiteral("galaxy_command"));
    if (m_galaxyCommand.isEmpty())
        m_galaxyCommand = QStringLiteral("ansible-galaxy");
    m_stagingDir = config.string(QStringLiteral("staging_directory"));
    if (m_stagingDir.isEmpty())
        m_stagingDir = QStringLiteral("/tmp/packer-provisioner-ansible-local/")
            + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_galaxyRolesPath = config.string(QStringLiteral("galaxy_roles_path"));
    if (m_galaxyRolesPath.isEmpty())
        m_galaxyRolesPath = joinPath(m_stagingDir, QStringLiteral("galaxy_roles"));
    m_galaxyCollectionsPath = config.string(QStringLiteral("galaxy_collections_path"));
    if (m_galaxyCollectionsPath.isEmpty())
        m_galaxyCollectionsPath = joinPath(m_stagingDir, QStringLiteral("galaxy_collections"));
    m_playbookFile = config.string(QStringLiteral("playbook_file"));
    m_playbookDir = config.string(QStringLiteral("playbook_dir"));
    m_playbookPaths = config.stringList(QStringLiteral("playbook_paths"));
    m_rolePaths = config.stringList(QStringLiteral("role_paths"));
    m_collectionPaths = config.stringList(QStringLiteral("collection_paths"));
    m_groupVars = config.string(QStringLiteral("group_vars"));
    m_hostVars = config.string(QStringLiteral("host_vars"));
    m_inventoryFile = config.string(QStringLiteral("inventory_file"));
    m_inventoryGroups = config.stringList(QStringLiteral("inventory_groups"));
    m_galaxyFile = config.string(QStringLiteral("galaxy_file"));
    m_extraArguments = config.stringList(QStringLiteral("extra_arguments"));
    m_galaxyForce = config.boolean(QStringLiteral("galaxy_force_install"));
    m_cleanStaging = config.boolean(QStringLiteral("clean_staging_directory"));

    auto check = [&errs](const QString &error) {
        if (!error.isEmpty())
            errs << error;
    };
    const QStringList playbookFiles = config.stringList(QStringLiteral("playbook_files"));
    if (!playbookFiles.isEmpty() && !m_playbookFile.isEmpty())
        errs << QStringLiteral("Either playbook_file or playbook_files can be specified, not both");
    if (playbookFiles.isEmpty() && m_playbookFile.isEmpty())
        errs << QStringLiteral("Either playbook_file or playbook_files must be specified");
    if (!m_playbookFile.isEmpty())
        check(AnsiblePathChecks::file(m_playbookFile, QStringLiteral("playbook_file"), true));
    m_playbookFiles.clear();
    for (const QString &file : playbookFiles) {
        const QString error = AnsiblePathChecks::file(file, QStringLiteral("playbook_files"), true);
        if (error.isEmpty())
            m_playbookFiles << QFileInfo(file).absoluteFilePath();
        else
            errs << error;
    }
    if (!m_inventoryFile.isEmpty())
        check(AnsiblePathChecks::file(m_inventoryFile, QStringLiteral("inventory_file"), true));
    if (!m_galaxyFile.isEmpty())
        check(AnsiblePathChecks::file(m_galaxyFile, QStringLiteral("galaxy_file"), true));
    if (!m_playbookDir.isEmpty())
        check(AnsiblePathChecks::directory(m_playbookDir, QStringLiteral("playbook_dir")));
    if (!m_groupVars.isEmpty())
        check(AnsiblePathChecks::directory(m_groupVars, QStringLiteral("group_vars")));
    if (!m_hostVars.isEmpty())
        check(AnsiblePathChecks::directory(m_hostVars, QStringLiteral("host_vars")));
    for (const QString &path : std::as_const(m_playbookPaths))
        check(AnsiblePathChecks::directory(path, QStringLiteral("playbook_paths")));
    for (const QString &path : std::as_const(m_rolePaths))
        check(AnsiblePathChecks::directory(path, QStringLiteral("role_paths")));
    for (const QString &path : std::as_const(m_collectionPaths))
        check(AnsiblePathChecks::directory(path, QStringLiteral("collection_paths")));
    return result;
}

QString AnsibleLocalProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    ctx.ui.say(QStringLiteral("Provisioning with Ansible..."));
    // Packer prints extra_arguments in its "Executing Ansible" line, passwords included
    // (packer#11078); registered as secrets they are masked there and in Ansible's output.
    if (ctx.secrets)
        ctx.secrets->add(AnsibleSecretArguments::values(m_extraArguments));
    QString inventory = m_inventoryFile;
    QString temporaryInventory;
    if (inventory.isEmpty()) {
        QString text;
        for (const QString &group : std::as_const(m_inventoryGroups))
            text += QStringLiteral("[%1]\n127.0.0.1\n").arg(group);
        if (m_inventoryGroups.isEmpty())
            text = QStringLiteral("127.0.0.1");
        QString error;
        temporaryInventory = AnsibleInventory::write({}, text, &error);
        if (temporaryInventory.isEmpty())
            return error;
        // Named after the ansible-local provisioner, as Packer's tmp.File names it.
        const QString named = QFileInfo(temporaryInventory).path() + QLatin1Char('/')
            + QFileInfo(temporaryInventory)
                  .fileName()
                  .replace(QLatin1String("packer-provisioner-ansible"),
                      QLatin1String("packer-provisioner-ansible-local"));
        if (QFile::rename(temporaryInventory, named))
            temporaryInventory = named;
        inventory = temporaryInventory;
    }
    QString error = stage(ctx, comm, inventory);
    if (error.isEmpty()) {
        error = execute(ctx, comm, inventory);
        if (!error.isEmpty())
            error = QStringLiteral("Error executing Ansible: %1").arg(error);
    }
    if (!temporaryInventory.isEmpty())
        QFile::remove(temporaryInventory);
    // Packer cleans only after a success; a failed run's staging is removed too, so a build
    // that goes on (-on-error=ask "retry", error-cleanup-provisioner) does not find it.
    if (m_cleanStaging && !ctx.cancelled()) {
        ctx.ui.say(QStringLiteral("Removing staging directory..."));
        ctx.ui.say(QStringLiteral("Removing directory: %1").arg(m_stagingDir));
        const QString removeError
            = runCommand(ctx, comm, QStringLiteral("rm -rf '%1'").arg(m_stagingDir));
        if (error.isEmpty() && !removeError.isEmpty())
            error = QStringLiteral("Error removing staging directory: %1").arg(removeError);
    }
    return error;
}

QString AnsibleLocalProvisioner::stage(
    build::BuildContext &ctx, comm::Communicator &comm, const QString &inventory)
{
    QString error;
    if (!m_playbookDir.isEmpty()) {
        ctx.ui.say(QStringLiteral("Uploading Playbook directory to Ansible staging directory..."));
        error = uploadDir(ctx, comm, m_stagingDir, m_playbookDir);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading playbook_dir directory: %1").arg(error);
    } else {
        ctx.ui.say(QStringLiteral("Creating Ansible staging directory..."));
        error = createDir(ctx, comm, m_stagingDir);
        if (!error.isEmpty())
            return QStringLiteral("Error creating staging directory: %1").arg(error);
    }

    if (!m_playbookFile.isEmpty()) {
        ctx.ui.say(QStringLiteral("Uploading main Playbook file..."));
        error = uploadFile(ctx, comm, joinPath(m_stagingDir, QFileInfo(m_playbookFile).fileName()),
            m_playbookFile);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading main playbook: %1").arg(error);
    } else {
        const QString playbookDir
            = m_playbookDir.isEmpty() ? QString() : QFileInfo(m_playbookDir).absoluteFilePath();
        for (QString &file : m_playbookFiles) {
            // Files inside playbook_dir arrived with it: only their relative path is kept.
            if (!playbookDir.isEmpty() && file.startsWith(playbookDir)) {
                file = file.mid(playbookDir.size());
                continue;
            }
            ctx.ui.say(QStringLiteral("Uploading playbook file: %1").arg(file));
            error = createDir(ctx, comm, joinPath(m_stagingDir, QFileInfo(file).path()));
            if (!error.isEmpty())
                return QStringLiteral("Error uploading playbook file: %1 [%2]").arg(file, error);
            error = uploadFile(ctx, comm, joinPath(m_stagingDir, file), file);
            if (!error.isEmpty())
                return QStringLiteral("Error uploading playbook: %1 [%2]").arg(file, error);
        }
    }

    if (!m_galaxyFile.isEmpty()) {
        ctx.ui.say(QStringLiteral("Uploading galaxy file..."));
        error = uploadFile(
            ctx, comm, joinPath(m_stagingDir, QFileInfo(m_galaxyFile).fileName()), m_galaxyFile);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading galaxy file: %1").arg(error);
    }

    ctx.ui.say(QStringLiteral("Uploading inventory file..."));
    error
        = uploadFile(ctx, comm, joinPath(m_stagingDir, QFileInfo(inventory).fileName()), inventory);
    if (!error.isEmpty())
        return QStringLiteral("Error uploading inventory file: %1").arg(error);

    if (!m_groupVars.isEmpty()) {
        ctx.ui.say(QStringLiteral("Uploading group_vars directory..."));
        error = uploadDir(
            ctx, comm, joinPath(m_stagingDir, QStringLiteral("group_vars")), m_groupVars);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading group_vars directory: %1").arg(error);
    }
    if (!m_hostVars.isEmpty()) {
        ctx.ui.say(QStringLiteral("Uploading host_vars directory..."));
        error
            = uploadDir(ctx, comm, joinPath(m_stagingDir, QStringLiteral("host_vars")), m_hostVars);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading host_vars directory: %1").arg(error);
    }
    if (!m_rolePaths.isEmpty()) {
        ctx.ui.say(QStringLiteral("Uploading role directories..."));
        for (const QString &src : std::as_const(m_rolePaths)) {
            error = uploadDir(ctx, comm,
                joinPath(m_stagingDir,
                    QStringLiteral("roles/") + QFileInfo(QDir::cleanPath(src)).fileName()),
                src);
            if (!error.isEmpty())
                return QStringLiteral("Error uploading roles: %1").arg(error);
        }
    }
    if (!m_collectionPaths.isEmpty()) {
        ctx.ui.say(QStringLiteral("Uploading collection directories..."));
        for (const QString &src : std::as_const(m_collectionPaths)) {
            error = uploadDir(ctx, comm,
                joinPath(m_stagingDir,
                    QStringLiteral("collections/") + QFileInfo(QDir::cleanPath(src)).fileName()),
                src);
            if (!error.isEmpty())
                return QStringLiteral("Error uploading collections: %1").arg(error);
        }
    }
    if (!m_playbookPaths.isEmpty()) {
        ctx.ui.say(QStringLiteral("Uploading additional Playbooks..."));
        const QString playbookDir = joinPath(m_stagingDir, QStringLiteral("playbooks"));
        error = createDir(ctx, comm, playbookDir);
        if (!error.isEmpty())
            return QStringLiteral("Error creating playbooks directory: %1").arg(error);
        for (const QString &src : std::as_const(m_playbookPaths)) {
            error = uploadDir(
                ctx, comm, joinPath(playbookDir, QFileInfo(QDir::cleanPath(src)).fileName()), src);
            if (!error.isEmpty())
                return QStringLiteral("Error uploading playbooks: %1").arg(error);
        }
    }
    return {};
}

QString AnsibleLocalProvisioner::execute(
    build::BuildContext &ctx, comm::Communicator &comm, const QString &inventory)
{
    const QString remoteInventory = joinPath(m_stagingDir, QFileInfo(inventory).fileName());
    QString extraArgs
        = QStringLiteral(
            " --extra-vars \"packer_build_name=%1 packer_builder_type=%2 packer_http_addr=%3 -o "
            "IdentitiesOnly=yes\" ")
              .arg(m_config.interpolation.buildName,
                  m_config.interpolation.buildType.isEmpty() ? ctx.builderType
                                                             : m_config.interpolation.buildType,
                  ctx.generatedData.value(QStringLiteral("PackerHTTPAddr")).toString());
    if (!m_extraArguments.isEmpty())
        extraArgs += m_extraArguments.join(QLatin1Char(' '));
    if (!m_galaxyFile.isEmpty()) {
        const QString error = runGalaxy(ctx, comm);
        if (!error.isEmpty())
            return QStringLiteral("Error executing Ansible Galaxy: %1").arg(error);
    }
    if (!m_playbookFile.isEmpty()) {
        const QString error
            = runPlaybook(ctx, comm, joinPath(m_stagingDir, QFileInfo(m_playbookFile).fileName()),
                extraArgs, remoteInventory);
        if (!error.isEmpty())
            return error;
    }
    for (const QString &file : std::as_const(m_playbookFiles)) {
        const QString error
            = runPlaybook(ctx, comm, joinPath(m_stagingDir, file), extraArgs, remoteInventory);
        if (!error.isEmpty())
            return error;
    }
    return {};
}

QString AnsibleLocalProvisioner::runGalaxy(build::BuildContext &ctx, comm::Communicator &comm)
{
    const QString galaxyFile = joinPath(m_stagingDir, QFileInfo(m_galaxyFile).fileName());
    QStringList roleArgs{QStringLiteral("install"), QStringLiteral("-r"), galaxyFile,
        QStringLiteral("-p"), m_galaxyRolesPath};
    QStringList collectionArgs{QStringLiteral("collection"), QStringLiteral("install"),
        QStringLiteral("-r"), galaxyFile, QStringLiteral("-p"), m_galaxyCollectionsPath};
    if (m_galaxyForce) {
        roleArgs << QStringLiteral("-f");
        collectionArgs << QStringLiteral("-f");
    }
    const bool roles = AnsiblePathChecks::galaxyHas(m_galaxyFile, QStringLiteral("roles"));
    const bool collections
        = AnsiblePathChecks::galaxyHas(m_galaxyFile, QStringLiteral("collections"));
    auto invoke = [&](const QStringList &args) -> QString {
        const QString command
            = QStringLiteral("cd %1 && %2 %3")
                  .arg(m_stagingDir, m_galaxyCommand, args.join(QLatin1Char(' ')));
        ctx.ui.say(QStringLiteral("Executing Ansible Galaxy: %1").arg(command));
        const comm::CommandResult result
            = ShellRunner::runWithUi(comm, command, ctx.ui, ctx.cancel);
        if (!result.error.isEmpty())
            return result.error;
        if (result.exitStatus != 0)
            return QStringLiteral("Non-zero exit status: %1").arg(result.exitStatus);
        return {};
    };
    if (roles || !collections) {
        const QString error = invoke(roleArgs);
        if (!error.isEmpty())
            return error;
    }
    if (collections)
        return invoke(collectionArgs);
    return {};
}

QString AnsibleLocalProvisioner::runPlaybook(build::BuildContext &ctx, comm::Communicator &comm,
    const QString &playbook, const QString &extraArgs, const QString &inventory)
{
    QString envVars;
    QStringList collectionsPath;
    const bool galaxyCollections = !m_galaxyFile.isEmpty()
        && AnsiblePathChecks::galaxyHas(m_galaxyFile, QStringLiteral("collections"));
    const bool galaxyRoles = !m_galaxyFile.isEmpty()
        && AnsiblePathChecks::galaxyHas(m_galaxyFile, QStringLiteral("roles"));
    if (galaxyCollections)
        collectionsPath << m_galaxyCollectionsPath;
    if (!m_collectionPaths.isEmpty())
        collectionsPath << joinPath(m_stagingDir, QStringLiteral("collections"));
    if (!collectionsPath.isEmpty())
        envVars += QStringLiteral(" ANSIBLE_COLLECTIONS_PATH=$ANSIBLE_COLLECTIONS_PATH:%1")
                       .arg(collectionsPath.join(QLatin1Char(':')));
    if (galaxyRoles)
        envVars
            += QStringLiteral(" ANSIBLE_ROLES_PATH=$ANSIBLE_ROLES_PATH:%1").arg(m_galaxyRolesPath);
    const QString command
        = QStringLiteral("cd %1 && %2 %3 %4%5 -c local -i %6")
              .arg(m_stagingDir, envVars, m_command, playbook, extraArgs, inventory);
    ctx.ui.say(QStringLiteral("Executing Ansible: %1").arg(command));
    const comm::CommandResult result = ShellRunner::runWithUi(comm, command, ctx.ui, ctx.cancel);
    if (!result.error.isEmpty())
        return result.error;
    if (result.exitStatus == 127)
        return QStringLiteral("%1 could not be found. Verify that it is available on the\nPATH "
                              "after connecting to the machine.")
            .arg(m_command);
    if (result.exitStatus != 0)
        return QStringLiteral("Non-zero exit status: %1").arg(result.exitStatus);
    return {};
}

QString AnsibleLocalProvisioner::runCommand(
    build::BuildContext &ctx, comm::Communicator &comm, const QString &command)
{
    const comm::CommandResult result = ShellRunner::runWithUi(comm, command, ctx.ui, ctx.cancel);
    if (!result.error.isEmpty())
        return result.error;
    if (result.exitStatus != 0)
        return QStringLiteral("Non-zero exit status. See output above for more information.");
    return {};
}

QString AnsibleLocalProvisioner::createDir(
    build::BuildContext &ctx, comm::Communicator &comm, const QString &dir)
{
    ctx.ui.say(QStringLiteral("Creating directory: %1").arg(dir));
    return runCommand(ctx, comm, QStringLiteral("mkdir -p '%1'").arg(dir));
}

QString AnsibleLocalProvisioner::uploadFile(
    build::BuildContext &ctx, comm::Communicator &comm, const QString &dst, const QString &src)
{
    QFile f(src);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("Error opening: open %1: %2").arg(src, f.errorString());
    const QString error = comm.upload(dst, f, f.size(), 0644, {}, ctx.cancel);
    if (!error.isEmpty())
        return QStringLiteral("Error uploading %1: %2").arg(src, error);
    return {};
}

QString AnsibleLocalProvisioner::uploadDir(
    build::BuildContext &ctx, comm::Communicator &comm, const QString &dst, const QString &src)
{
    const QString error = createDir(ctx, comm, dst);
    if (!error.isEmpty())
        return error;
    // A trailing "/" copies the directory's contents, not the directory itself.
    const QString contents = src.endsWith(QLatin1Char('/')) ? src : src + QLatin1Char('/');
    return comm.uploadDir(dst, contents, {}, {}, ctx.cancel);
}

} // namespace kiln::components
