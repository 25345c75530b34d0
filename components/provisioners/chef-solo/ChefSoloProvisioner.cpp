#include "components/provisioners/chef-solo/ChefSoloProvisioner.h"

#include "components/shared/cm/CmTemplate.h"
#include "components/shared/cm/GoJsonText.h"
#include "components/shared/cm/GuestSession.h"
#include "engine/build/BuildContext.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>

namespace kiln::components {

QString ChefSoloProvisioner::defaultConfigTemplate()
{
    return QStringLiteral("\n"
                          "chef_license \t\t\"{{.ChefLicense}}\"\n"
                          "cookbook_path \t[{{.CookbookPaths}}]\n"
                          "{{if .HasRolesPath}}\n"
                          "role_path\t\t\"{{.RolesPath}}\"\n"
                          "{{end}}\n"
                          "{{if .HasDataBagsPath}}\n"
                          "data_bag_path\t\"{{.DataBagsPath}}\"\n"
                          "{{end}}\n"
                          "{{if .HasEncryptedDataBagSecretPath}}\n"
                          "encrypted_data_bag_secret \"{{.EncryptedDataBagSecretPath}}\"\n"
                          "{{end}}\n"
                          "{{if .HasEnvironmentsPath}}\n"
                          "environment_path \"{{.EnvironmentsPath}}\"\n"
                          "environment \"{{.ChefEnvironment}}\"\n"
                          "{{end}}\n");
}

build::PrepareResult ChefSoloProvisioner::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

QByteArray ChefSoloProvisioner::nodeJson() const
{
    QJsonObject data = m_settings.json;
    if (!m_settings.runList.isEmpty())
        data.insert(QStringLiteral("run_list"), QJsonArray::fromStringList(m_settings.runList));
    return GoJsonText::indented(data);
}

QString ChefSoloProvisioner::stage(
    build::BuildContext &ctx, GuestSession &guest, QVariantMap *paths) const
{
    const QString seeOutput = GuestSession::nonZeroExitSeeOutput();
    QString error = guest.createDir(m_settings.stagingDir, true, seeOutput);
    if (!error.isEmpty())
        return QStringLiteral("Error creating staging directory: %1").arg(error);

    QStringList cookbooks;
    for (int i = 0; i < m_settings.cookbookPaths.size(); ++i) {
        const QString target = QStringLiteral("%1/cookbooks-%2").arg(m_settings.stagingDir).arg(i);
        error = guest.uploadDirectory(target, m_settings.cookbookPaths[i], seeOutput);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading cookbooks: %1").arg(error);
        cookbooks << target;
    }
    paths->insert(QStringLiteral("cookbooks"), cookbooks);

    struct Tree
    {
        QString local;
        QString name;
        QString what;
    };
    const QList<Tree> trees{
        {m_settings.rolesPath, QStringLiteral("roles"), QStringLiteral("roles")},
        {m_settings.dataBagsPath, QStringLiteral("data_bags"), QStringLiteral("data bags")},
        {m_settings.encryptedDataBagSecretPath, QStringLiteral("encrypted_data_bag_secret"),
            QStringLiteral("encrypted data bag secret")},
        {m_settings.environmentsPath, QStringLiteral("environments"),
            QStringLiteral("environments")}};
    for (const Tree &tree : trees) {
        if (tree.local.isEmpty()) {
            paths->insert(tree.name, QString());
            continue;
        }
        const QString remote = m_settings.stagingDir + QLatin1Char('/') + tree.name;
        error = tree.name == QLatin1String("encrypted_data_bag_secret")
            ? guest.uploadFile(remote, tree.local)
            : guest.uploadDirectory(remote, tree.local, seeOutput);
        if (!error.isEmpty())
            return QStringLiteral("Error uploading %1: %2").arg(tree.what, error);
        paths->insert(tree.name, remote);
    }
    Q_UNUSED(ctx);
    return {};
}

QString ChefSoloProvisioner::createConfig(build::BuildContext &ctx, GuestSession &guest,
    const QVariantMap &paths, QString *remotePath) const
{
    ctx.ui.message(QStringLiteral("Creating configuration file 'solo.rb'"));
    QStringList cookbooks;
    for (const QString &path : m_settings.remoteCookbookPaths)
        cookbooks << QStringLiteral("\"%1\"").arg(path);
    for (const QString &path : paths.value(QStringLiteral("cookbooks")).toStringList())
        cookbooks << QStringLiteral("\"%1\"").arg(path);

    QString tpl = defaultConfigTemplate();
    if (!m_settings.configTemplate.isEmpty()) {
        QFile file(m_settings.configTemplate);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("open %1: %2").arg(m_settings.configTemplate, file.errorString());
        tpl = QString::fromUtf8(file.readAll());
    }
    const QString roles = paths.value(QStringLiteral("roles")).toString();
    const QString dataBags = paths.value(QStringLiteral("data_bags")).toString();
    const QString secret = paths.value(QStringLiteral("encrypted_data_bag_secret")).toString();
    const QString environments = paths.value(QStringLiteral("environments")).toString();
    const QVariantMap data{
        {QStringLiteral("CookbookPaths"), cookbooks.join(QLatin1Char(','))},
        {QStringLiteral("DataBagsPath"), dataBags},
        {QStringLiteral("EncryptedDataBagSecretPath"), secret},
        {QStringLiteral("RolesPath"), roles},
        {QStringLiteral("EnvironmentsPath"), environments},
        {QStringLiteral("ChefEnvironment"), m_settings.chefEnvironment},
        {QStringLiteral("ChefLicense"), m_settings.chefLicense},
        {QStringLiteral("HasDataBagsPath"), !dataBags.isEmpty()},
        {QStringLiteral("HasEncryptedDataBagSecretPath"), !secret.isEmpty()},
        {QStringLiteral("HasRolesPath"), !roles.isEmpty()},
        {QStringLiteral("HasEnvironmentsPath"), !environments.isEmpty()},
    };
    QString error;
    const QString text = CmTemplate::render(tpl, m_settings.config.interpolation, data,
        QStringLiteral("*chefsolo.ConfigTemplate"), &error);
    if (!error.isEmpty())
        return error;
    *remotePath = QDir::cleanPath(m_settings.stagingDir + QStringLiteral("/solo.rb"));
    return guest.uploadBytes(*remotePath, text.toUtf8());
}

QString ChefSoloProvisioner::createJson(
    build::BuildContext &ctx, GuestSession &guest, QString *remotePath) const
{
    ctx.ui.message(QStringLiteral("Creating JSON attribute file"));
    *remotePath = QDir::cleanPath(m_settings.stagingDir + QStringLiteral("/node.json"));
    return guest.uploadBytes(*remotePath, nodeJson());
}

QString ChefSoloProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    ctx.ui.say(QStringLiteral("Provisioning with chef-solo"));
    GuestSession guest(ctx, comm, GuestCommands(m_settings.guestOsType, !m_settings.preventSudo));
    QString error;
    if (!m_settings.skipInstall) {
        ctx.ui.message(QStringLiteral("Installing Chef..."));
        const QVariantMap data{{QStringLiteral("Sudo"), !m_settings.preventSudo},
            {QStringLiteral("Version"), m_settings.version}};
        const QString command
            = CmTemplate::render(m_settings.installCommand, m_settings.config.interpolation, data,
                QStringLiteral("*chefsolo.InstallChefTemplate"), &error);
        if (error.isEmpty())
            error = guest.runChecked(
                command, QStringLiteral("Install script exited with non-zero exit status %1"));
        if (!error.isEmpty())
            return QStringLiteral("Error installing Chef: %1").arg(error);
    }

    QVariantMap paths;
    error = stage(ctx, guest, &paths);
    if (!error.isEmpty())
        return error;
    QString configPath;
    error = createConfig(ctx, guest, paths, &configPath);
    if (!error.isEmpty())
        return QStringLiteral("Error creating Chef config file: %1").arg(error);
    QString jsonPath;
    error = createJson(ctx, guest, &jsonPath);
    if (!error.isEmpty())
        return QStringLiteral("Error creating JSON attributes: %1").arg(error);

    const QVariantMap data{{QStringLiteral("ConfigPath"), configPath},
        {QStringLiteral("JsonPath"), jsonPath}, {QStringLiteral("Sudo"), !m_settings.preventSudo}};
    const QString command = CmTemplate::render(m_settings.executeCommand,
        m_settings.config.interpolation, data, QStringLiteral("*chefsolo.ExecuteTemplate"), &error);
    if (error.isEmpty()) {
        ctx.ui.message(QStringLiteral("Executing Chef: %1").arg(command));
        error = guest.runChecked(command, QStringLiteral("Non-zero exit status: %1"));
    }
    if (!error.isEmpty())
        return QStringLiteral("Error executing Chef: %1").arg(error);
    return {};
}

} // namespace kiln::components
