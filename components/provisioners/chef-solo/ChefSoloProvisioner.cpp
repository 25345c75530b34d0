#include "components/provisioners/chef-solo/ChefSoloProvisioner.h"

#include "components/shared/ShellScriptFiles.h"
#include "components/shared/cm/CmTemplate.h"
#include "components/shared/cm/GoJsonText.h"
#include "components/shared/cm/GuestSession.h"
#include "engine/build/BuildContext.h"
#include "engine/hcl/functions/CtyJson.h"
#include "engine/template/legacy/Interpolator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace kiln::components {

namespace {

QString defaultExecuteCommand(bool windows)
{
    return windows ? QStringLiteral("c:/opscode/chef/bin/chef-solo.bat --no-color -c "
                                    "{{.ConfigPath}} -j {{.JsonPath}}")
                   : QStringLiteral("{{if .Sudo}}sudo {{end}}chef-solo --no-color -c "
                                    "{{.ConfigPath}} -j {{.JsonPath}}");
}

QString defaultInstallCommand(bool windows)
{
    return windows
        ? QStringLiteral("powershell.exe -Command \". { iwr -useb "
                         "https://omnitruck.chef.io/install.ps1 } | iex; "
                         "Install-Project{{if .Version}} -version {{.Version}}{{end}}\"")
        : QStringLiteral("curl -L https://omnitruck.chef.io/install.sh | {{if .Sudo}}sudo "
                         "{{end}}bash -s --{{if .Version}} -v {{.Version}}{{end}}");
}

// Packer's "Bad ... path '<p>': <err>"; Go prints a nil error as %!s(<nil>) when the path
// exists but has the wrong kind.
QString badPath(const QString &what, const QString &path, bool wantDir)
{
    const QString statError = ShellScriptFiles::statError(path);
    if (statError.isEmpty() && QFileInfo(path).isDir() == wantDir)
        return {};
    return QStringLiteral("Bad %1 '%2': %3")
        .arg(what, path, statError.isEmpty() ? QStringLiteral("%!s(<nil>)") : statError);
}

QString goJsonError(const QJsonParseError &error, const QJsonDocument &doc, qsizetype length)
{
    // Go's text for the common case of truncated input; other syntax errors keep Qt's
    // description with the offset, since Go's wording depends on its scanner state.
    if (error.error != QJsonParseError::NoError && error.offset >= length)
        return QStringLiteral("unexpected end of JSON input");
    if (error.error != QJsonParseError::NoError)
        return QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset);
    const QString kind = doc.isArray() ? QStringLiteral("array") : QStringLiteral("value");
    return QStringLiteral("json: cannot unmarshal %1 into Go value of type "
                          "map[string]interface {}")
        .arg(kind);
}

} // namespace

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
    build::PrepareResult result;
    m_config = config;
    m_json = {};
    // Legacy JSON's `json` object; `json_string` replaces it, as Packer unmarshals the
    // string into the same field afterwards.
    const hcl::Value json = config.value(QStringLiteral("json"));
    if (!json.isNull() && json.isWhollyKnown()) {
        QString error;
        const std::optional<QByteArray> bytes = hcl::functions::ctyjson::marshal(json, &error);
        const QJsonDocument doc = bytes ? QJsonDocument::fromJson(*bytes) : QJsonDocument();
        if (!doc.isObject()) {
            result.errors << QStringLiteral("'json' expected a map, got '%1'").arg(json.type().friendlyName());
            return result;
        }
        m_json = doc.object();
    }
    const QString jsonString = config.string(QStringLiteral("json_string"));
    if (!jsonString.isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(jsonString.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            result.errors << QStringLiteral("Failed to unmarshal 'json_string': %1")
                                 .arg(goJsonError(parseError, doc, jsonString.toUtf8().size()));
            return result;
        }
        m_json = doc.object();
    }
    QString os = config.string(QStringLiteral("guest_os_type")).toLower();
    if (os.isEmpty())
        os = GuestCommands::unixOs();
    if (!GuestCommands::isKnownOs(os)) {
        result.errors << QStringLiteral("Invalid guest_os_type: \"%1\"").arg(os);
        return result;
    }
    m_windows = os == GuestCommands::windowsOs();
    m_preventSudo = config.boolean(QStringLiteral("prevent_sudo"));
    m_commands = GuestCommands(os, !m_preventSudo);
    m_executeCommand = config.string(QStringLiteral("execute_command"));
    if (m_executeCommand.isEmpty())
        m_executeCommand = defaultExecuteCommand(m_windows);
    m_installCommand = config.string(QStringLiteral("install_command"));
    if (m_installCommand.isEmpty())
        m_installCommand = defaultInstallCommand(m_windows);
    m_runList = config.stringList(QStringLiteral("run_list"));
    m_stagingDir = config.string(QStringLiteral("staging_directory"));
    if (m_stagingDir.isEmpty())
        m_stagingDir = m_windows ? QStringLiteral("C:/Windows/Temp/packer-chef-solo")
                                 : QStringLiteral("/tmp/packer-chef-solo");
    m_skipInstall = config.boolean(QStringLiteral("skip_install"));
    m_chefLicense = config.string(QStringLiteral("chef_license"));
    // Chef 15 asks for the license; Packer accepts it silently only for its own installer.
    if (!m_skipInstall && m_installCommand == defaultInstallCommand(m_windows)
        && m_chefLicense.isEmpty())
        m_chefLicense = QStringLiteral("accept-silent");
    m_chefEnvironment = config.string(QStringLiteral("chef_environment"));
    m_configTemplate = config.string(QStringLiteral("config_template"));
    m_cookbookPaths = config.stringList(QStringLiteral("cookbook_paths"));
    m_rolesPath = config.string(QStringLiteral("roles_path"));
    m_dataBagsPath = config.string(QStringLiteral("data_bags_path"));
    m_encryptedDataBagSecretPath = config.string(QStringLiteral("encrypted_data_bag_secret_path"));
    m_environmentsPath = config.string(QStringLiteral("environments_path"));
    m_remoteCookbookPaths = config.stringList(QStringLiteral("remote_cookbook_paths"));
    m_version = config.string(QStringLiteral("version"));

    // Packer's checks, in its order and words.
    if (!m_configTemplate.isEmpty()) {
        const QString statError = ShellScriptFiles::statError(m_configTemplate);
        if (!statError.isEmpty())
            result.errors << QStringLiteral("Bad config template path: %1").arg(statError);
        else if (QFileInfo(m_configTemplate).isDir())
            result.errors << QStringLiteral("Config template path must be a file: %!s(<nil>)");
    }
    for (const QString &path : std::as_const(m_cookbookPaths))
        result.errors << badPath(QStringLiteral("cookbook path"), path, true);
    if (!m_rolesPath.isEmpty())
        result.errors << badPath(QStringLiteral("roles path"), m_rolesPath, true);
    if (!m_dataBagsPath.isEmpty())
        result.errors << badPath(QStringLiteral("data bags path"), m_dataBagsPath, true);
    if (!m_encryptedDataBagSecretPath.isEmpty())
        result.errors << badPath(
            QStringLiteral("encrypted data bag secret"), m_encryptedDataBagSecretPath, false);
    if (!m_environmentsPath.isEmpty())
        result.errors << badPath(QStringLiteral("environments path"), m_environmentsPath, true);
    result.errors.removeAll(QString());
    const QString jsonError = processJsonUserVars(&m_json);
    if (!jsonError.isEmpty())
        result.errors
            << QStringLiteral("Error processing user variables in JSON: %1").arg(jsonError);
    return result;
}

QString ChefSoloProvisioner::processJsonUserVars(QJsonObject *json) const
{
    // `{{user `x`}}` inside the attributes: rendered over the JSON text with the variables
    // escaped for a JSON string, as Packer does.
    tmpl::legacy::InterpolateContext ic = m_config.interpolation;
    if (ic.userVariables) {
        for (auto it = ic.userVariables->begin(); it != ic.userVariables->end(); ++it)
            it.value() = it.value()
                             .replace(QLatin1Char('\\'), QLatin1String("\\\\"))
                             .replace(QLatin1Char('"'), QLatin1String("\\\""));
    }
    ic.data = QVariant();
    const QString text = QString::fromUtf8(QJsonDocument(*json).toJson(QJsonDocument::Compact));
    const auto rendered = tmpl::legacy::Interpolator::render(text, ic);
    if (!rendered.ok())
        return rendered.error->message;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(rendered.value.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return goJsonError(parseError, doc, rendered.value.toUtf8().size());
    *json = doc.object();
    return {};
}

QByteArray ChefSoloProvisioner::nodeJson() const
{
    QJsonObject data = m_json;
    if (!m_runList.isEmpty())
        data.insert(QStringLiteral("run_list"), QJsonArray::fromStringList(m_runList));
    return GoJsonText::indented(data);
}

QString ChefSoloProvisioner::stage(
    build::BuildContext &ctx, GuestSession &guest, QVariantMap *paths) const
{
    const QString seeOutput = GuestSession::nonZeroExitSeeOutput();
    QString error = guest.createDir(m_stagingDir, true, seeOutput);
    if (!error.isEmpty())
        return QStringLiteral("Error creating staging directory: %1").arg(error);

    QStringList cookbooks;
    for (int i = 0; i < m_cookbookPaths.size(); ++i) {
        const QString target = QStringLiteral("%1/cookbooks-%2").arg(m_stagingDir).arg(i);
        error = guest.uploadDirectory(target, m_cookbookPaths[i], seeOutput);
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
    const QList<Tree> trees{{m_rolesPath, QStringLiteral("roles"), QStringLiteral("roles")},
        {m_dataBagsPath, QStringLiteral("data_bags"), QStringLiteral("data bags")},
        {m_encryptedDataBagSecretPath, QStringLiteral("encrypted_data_bag_secret"),
            QStringLiteral("encrypted data bag secret")},
        {m_environmentsPath, QStringLiteral("environments"), QStringLiteral("environments")}};
    for (const Tree &tree : trees) {
        if (tree.local.isEmpty()) {
            paths->insert(tree.name, QString());
            continue;
        }
        const QString remote = m_stagingDir + QLatin1Char('/') + tree.name;
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
    for (const QString &path : m_remoteCookbookPaths)
        cookbooks << QStringLiteral("\"%1\"").arg(path);
    for (const QString &path : paths.value(QStringLiteral("cookbooks")).toStringList())
        cookbooks << QStringLiteral("\"%1\"").arg(path);

    QString tpl = defaultConfigTemplate();
    if (!m_configTemplate.isEmpty()) {
        QFile file(m_configTemplate);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("open %1: %2").arg(m_configTemplate, file.errorString());
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
        {QStringLiteral("ChefEnvironment"), m_chefEnvironment},
        {QStringLiteral("ChefLicense"), m_chefLicense},
        {QStringLiteral("HasDataBagsPath"), !dataBags.isEmpty()},
        {QStringLiteral("HasEncryptedDataBagSecretPath"), !secret.isEmpty()},
        {QStringLiteral("HasRolesPath"), !roles.isEmpty()},
        {QStringLiteral("HasEnvironmentsPath"), !environments.isEmpty()},
    };
    QString error;
    const QString text = CmTemplate::render(
        tpl, m_config.interpolation, data, QStringLiteral("*chefsolo.ConfigTemplate"), &error);
    if (!error.isEmpty())
        return error;
    *remotePath = QDir::cleanPath(m_stagingDir + QStringLiteral("/solo.rb"));
    return guest.uploadBytes(*remotePath, text.toUtf8());
}

QString ChefSoloProvisioner::createJson(
    build::BuildContext &ctx, GuestSession &guest, QString *remotePath) const
{
    ctx.ui.message(QStringLiteral("Creating JSON attribute file"));
    *remotePath = QDir::cleanPath(m_stagingDir + QStringLiteral("/node.json"));
    return guest.uploadBytes(*remotePath, nodeJson());
}

QString ChefSoloProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    ctx.ui.say(QStringLiteral("Provisioning with chef-solo"));
    GuestSession guest(ctx, comm, m_commands);
    QString error;
    if (!m_skipInstall) {
        ctx.ui.message(QStringLiteral("Installing Chef..."));
        const QVariantMap data{
            {QStringLiteral("Sudo"), !m_preventSudo}, {QStringLiteral("Version"), m_version}};
        const QString command = CmTemplate::render(m_installCommand, m_config.interpolation, data,
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
        {QStringLiteral("JsonPath"), jsonPath}, {QStringLiteral("Sudo"), !m_preventSudo}};
    const QString command = CmTemplate::render(m_executeCommand, m_config.interpolation, data,
        QStringLiteral("*chefsolo.ExecuteTemplate"), &error);
    if (error.isEmpty()) {
        ctx.ui.message(QStringLiteral("Executing Chef: %1").arg(command));
        error = guest.runChecked(command, QStringLiteral("Non-zero exit status: %1"));
    }
    if (!error.isEmpty())
        return QStringLiteral("Error executing Chef: %1").arg(error);
    return {};
}

} // namespace kiln::components
