#include "components/provisioners/ansible-local/AnsibleLocalProvisioner.h"

#include "components/provisioners/ansible/AnsibleInventory.h"
#include "components/shared/ShellRunner.h"
#include "components/shared/ansible/AnsiblePathSettings.h"
#include "components/shared/ansible/AnsibleSecretArguments.h"
#include "engine/build/BuildContext.h"
#include "engine/build/SecretFilter.h"
#include "engine/communicator/Communicator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace kiln::components {

namespace {

// The machine's paths are joined as the settings join their defaults.
constexpr auto joinPath = &AnsibleLocalProvisionerSettings::joinPath;

} // namespace

build::PrepareResult AnsibleLocalProvisioner::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

QString AnsibleLocalProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    ctx.ui.say(QStringLiteral("Provisioning with Ansible..."));
    // Packer prints extra_arguments in its "Executing Ansible" line, passwords included
    // (packer#11078); registered as secrets they are masked there and in Ansible's output.
    if (ctx.secrets)
        ctx.secrets->add(AnsibleSecretArguments::values(m_settings.extraArguments));
    QString inventory = m_settings.inventoryFile;
    QString temporaryInventory;
    if (inventory.isEmpty()) {
        QString text;
        for (const QString &group : std::as_const(m_settings.inventoryGroups))
            text += QStringLiteral("[%1]\n127.0.0.1\n").arg(group);
        if (m_settings.inventoryGroups.isEmpty())
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
    if (m_settings.cleanStaging && !ctx.cancelled()) {
        ctx.ui.say(QStringLiteral("Removing staging directory..."));
        ctx.ui.say(QStringLiteral("Removing directory: %1").arg(m_settings.stagingDir));
        const QString removeError
            = runCommand(ctx, comm, QStringLiteral("rm -rf '%1'").arg(m_settings.stagingDir));
        if (error.isEmpty() && !removeError.isEmpty())
            error = QStringLiteral("Error removing staging directory: %1").arg(removeError);
    }
    return error;
}

QString AnsibleLocalProvisioner::stage(
    build::BuildContext &ctx, comm::Communicator &comm, const QString &inventory)
{
    QString error;
    if (!m_settings.playbookDir.isEmpty()) {
        ctx.ui.say(QStringLiteral("Uploading Playbook directory to Ansible staging directory..."));
        error = uploadDir(ctx, comm, m_settings.stagingDir, m_settings.playbookDir);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading playbook_dir directory: %1").arg(error);
    } else {
        ctx.ui.say(QStringLiteral("Creating Ansible staging directory..."));
        error = createDir(ctx, comm, m_settings.stagingDir);
        if (!error.isEmpty())
            return QStringLiteral("Error creating staging directory: %1").arg(error);
    }

    if (!m_settings.playbookFile.isEmpty()) {
        ctx.ui.say(QStringLiteral("Uploading main Playbook file..."));
        error = uploadFile(ctx, comm,
            joinPath(m_settings.stagingDir, QFileInfo(m_settings.playbookFile).fileName()),
            m_settings.playbookFile);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading main playbook: %1").arg(error);
    } else {
        const QString playbookDir = m_settings.playbookDir.isEmpty()
            ? QString()
            : QFileInfo(m_settings.playbookDir).absoluteFilePath();
        for (QString &file : m_settings.playbookFiles) {
            // Files inside playbook_dir arrived with it: only their relative path is kept.
            if (!playbookDir.isEmpty() && file.startsWith(playbookDir)) {
                file = file.mid(playbookDir.size());
                continue;
            }
            ctx.ui.say(QStringLiteral("Uploading playbook file: %1").arg(file));
            error = createDir(ctx, comm, joinPath(m_settings.stagingDir, QFileInfo(file).path()));
            if (!error.isEmpty())
                return QStringLiteral("Error uploading playbook file: %1 [%2]").arg(file, error);
            error = uploadFile(ctx, comm, joinPath(m_settings.stagingDir, file), file);
            if (!error.isEmpty())
                return QStringLiteral("Error uploading playbook: %1 [%2]").arg(file, error);
        }
    }

    if (!m_settings.galaxyFile.isEmpty()) {
        ctx.ui.say(QStringLiteral("Uploading galaxy file..."));
        error = uploadFile(ctx, comm,
            joinPath(m_settings.stagingDir, QFileInfo(m_settings.galaxyFile).fileName()),
            m_settings.galaxyFile);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading galaxy file: %1").arg(error);
    }

    ctx.ui.say(QStringLiteral("Uploading inventory file..."));
    error = uploadFile(
        ctx, comm, joinPath(m_settings.stagingDir, QFileInfo(inventory).fileName()), inventory);
    if (!error.isEmpty())
        return QStringLiteral("Error uploading inventory file: %1").arg(error);

    if (!m_settings.groupVars.isEmpty()) {
        ctx.ui.say(QStringLiteral("Uploading group_vars directory..."));
        error = uploadDir(ctx, comm, joinPath(m_settings.stagingDir, QStringLiteral("group_vars")),
            m_settings.groupVars);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading group_vars directory: %1").arg(error);
    }
    if (!m_settings.hostVars.isEmpty()) {
        ctx.ui.say(QStringLiteral("Uploading host_vars directory..."));
        error = uploadDir(ctx, comm, joinPath(m_settings.stagingDir, QStringLiteral("host_vars")),
            m_settings.hostVars);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading host_vars directory: %1").arg(error);
    }
    if (!m_settings.rolePaths.isEmpty()) {
        ctx.ui.say(QStringLiteral("Uploading role directories..."));
        for (const QString &src : std::as_const(m_settings.rolePaths)) {
            error = uploadDir(ctx, comm,
                joinPath(m_settings.stagingDir,
                    QStringLiteral("roles/") + QFileInfo(QDir::cleanPath(src)).fileName()),
                src);
            if (!error.isEmpty())
                return QStringLiteral("Error uploading roles: %1").arg(error);
        }
    }
    if (!m_settings.collectionPaths.isEmpty()) {
        ctx.ui.say(QStringLiteral("Uploading collection directories..."));
        for (const QString &src : std::as_const(m_settings.collectionPaths)) {
            error = uploadDir(ctx, comm,
                joinPath(m_settings.stagingDir,
                    QStringLiteral("collections/") + QFileInfo(QDir::cleanPath(src)).fileName()),
                src);
            if (!error.isEmpty())
                return QStringLiteral("Error uploading collections: %1").arg(error);
        }
    }
    if (!m_settings.playbookPaths.isEmpty()) {
        ctx.ui.say(QStringLiteral("Uploading additional Playbooks..."));
        const QString playbookDir = joinPath(m_settings.stagingDir, QStringLiteral("playbooks"));
        error = createDir(ctx, comm, playbookDir);
        if (!error.isEmpty())
            return QStringLiteral("Error creating playbooks directory: %1").arg(error);
        for (const QString &src : std::as_const(m_settings.playbookPaths)) {
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
    const QString remoteInventory
        = joinPath(m_settings.stagingDir, QFileInfo(inventory).fileName());
    QString extraArgs
        = QStringLiteral(
            " --extra-vars \"packer_build_name=%1 packer_builder_type=%2 packer_http_addr=%3 -o "
            "IdentitiesOnly=yes\" ")
              .arg(m_settings.config.interpolation.buildName,
                  m_settings.config.interpolation.buildType.isEmpty()
                      ? ctx.builderType
                      : m_settings.config.interpolation.buildType,
                  ctx.generatedData.value(QStringLiteral("PackerHTTPAddr")).toString());
    if (!m_settings.extraArguments.isEmpty())
        extraArgs += m_settings.extraArguments.join(QLatin1Char(' '));
    if (!m_settings.galaxyFile.isEmpty()) {
        const QString error = runGalaxy(ctx, comm);
        if (!error.isEmpty())
            return QStringLiteral("Error executing Ansible Galaxy: %1").arg(error);
    }
    if (!m_settings.playbookFile.isEmpty()) {
        const QString error = runPlaybook(ctx, comm,
            joinPath(m_settings.stagingDir, QFileInfo(m_settings.playbookFile).fileName()),
            extraArgs, remoteInventory);
        if (!error.isEmpty())
            return error;
    }
    for (const QString &file : std::as_const(m_settings.playbookFiles)) {
        const QString error = runPlaybook(
            ctx, comm, joinPath(m_settings.stagingDir, file), extraArgs, remoteInventory);
        if (!error.isEmpty())
            return error;
    }
    return {};
}

QString AnsibleLocalProvisioner::runGalaxy(build::BuildContext &ctx, comm::Communicator &comm)
{
    const QString galaxyFile
        = joinPath(m_settings.stagingDir, QFileInfo(m_settings.galaxyFile).fileName());
    QStringList roleArgs{QStringLiteral("install"), QStringLiteral("-r"), galaxyFile,
        QStringLiteral("-p"), m_settings.galaxyRolesPath};
    QStringList collectionArgs{QStringLiteral("collection"), QStringLiteral("install"),
        QStringLiteral("-r"), galaxyFile, QStringLiteral("-p"), m_settings.galaxyCollectionsPath};
    if (m_settings.galaxyForce) {
        roleArgs << QStringLiteral("-f");
        collectionArgs << QStringLiteral("-f");
    }
    const bool roles
        = AnsiblePathSettings::galaxyHas(m_settings.galaxyFile, QStringLiteral("roles"));
    const bool collections
        = AnsiblePathSettings::galaxyHas(m_settings.galaxyFile, QStringLiteral("collections"));
    auto invoke = [&](const QStringList &args) -> QString {
        const QString command = QStringLiteral("cd %1 && %2 %3")
                                    .arg(m_settings.stagingDir, m_settings.galaxyCommand,
                                        args.join(QLatin1Char(' ')));
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
    const bool galaxyCollections = !m_settings.galaxyFile.isEmpty()
        && AnsiblePathSettings::galaxyHas(m_settings.galaxyFile, QStringLiteral("collections"));
    const bool galaxyRoles = !m_settings.galaxyFile.isEmpty()
        && AnsiblePathSettings::galaxyHas(m_settings.galaxyFile, QStringLiteral("roles"));
    if (galaxyCollections)
        collectionsPath << m_settings.galaxyCollectionsPath;
    if (!m_settings.collectionPaths.isEmpty())
        collectionsPath << joinPath(m_settings.stagingDir, QStringLiteral("collections"));
    if (!collectionsPath.isEmpty())
        envVars += QStringLiteral(" ANSIBLE_COLLECTIONS_PATH=$ANSIBLE_COLLECTIONS_PATH:%1")
                       .arg(collectionsPath.join(QLatin1Char(':')));
    if (galaxyRoles)
        envVars += QStringLiteral(" ANSIBLE_ROLES_PATH=$ANSIBLE_ROLES_PATH:%1")
                       .arg(m_settings.galaxyRolesPath);
    const QString command = QStringLiteral("cd %1 && %2 %3 %4%5 -c local -i %6")
                                .arg(m_settings.stagingDir, envVars, m_settings.command, playbook,
                                    extraArgs, inventory);
    ctx.ui.say(QStringLiteral("Executing Ansible: %1").arg(command));
    const comm::CommandResult result = ShellRunner::runWithUi(comm, command, ctx.ui, ctx.cancel);
    if (!result.error.isEmpty())
        return result.error;
    if (result.exitStatus == 127)
        return QStringLiteral("%1 could not be found. Verify that it is available on the\nPATH "
                              "after connecting to the machine.")
            .arg(m_settings.command);
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
