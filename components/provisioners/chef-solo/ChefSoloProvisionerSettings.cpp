#include "components/provisioners/chef-solo/ChefSoloProvisionerSettings.h"

#include "components/shared/LocalFileSettings.h"
#include "components/shared/cm/GuestOsSettings.h"
#include "engine/hcl/functions/CtyJson.h"
#include "engine/template/legacy/Interpolator.h"

#include <QFileInfo>
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
    const QString statError = LocalFileSettings::statError(path);
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

QString processJsonUserVars(
    const tmpl::legacy::InterpolateContext &interpolation, QJsonObject *json)
{
    // `{{user `x`}}` inside the attributes: rendered over the JSON text with the variables
    // escaped for a JSON string, as Packer does.
    tmpl::legacy::InterpolateContext ic = interpolation;
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

} // namespace

build::PrepareResult ChefSoloProvisionerSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    this->config = config;
    json = {};
    // Legacy JSON's `json` object; `json_string` replaces it, as Packer unmarshals the
    // string into the same field afterwards.
    const hcl::Value jsonValue = config.value(QStringLiteral("json"));
    if (!jsonValue.isNull() && jsonValue.isWhollyKnown()) {
        QString error;
        const std::optional<QByteArray> bytes = hcl::functions::ctyjson::marshal(jsonValue, &error);
        const QJsonDocument doc = bytes ? QJsonDocument::fromJson(*bytes) : QJsonDocument();
        if (!doc.isObject()) {
            result.errors << QStringLiteral("'json' expected a map, got '%1'")
                                 .arg(jsonValue.type().friendlyName());
            return result;
        }
        json = doc.object();
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
        json = doc.object();
    }
    QString osError;
    if (!GuestOsSettings::read(config, &guestOsType, &osError)) {
        result.errors << osError;
        return result;
    }
    windows = guestOsType == GuestOsSettings::windowsOs();
    preventSudo = config.boolean(QStringLiteral("prevent_sudo"));
    executeCommand = config.string(QStringLiteral("execute_command"));
    if (executeCommand.isEmpty())
        executeCommand = defaultExecuteCommand(windows);
    installCommand = config.string(QStringLiteral("install_command"));
    if (installCommand.isEmpty())
        installCommand = defaultInstallCommand(windows);
    runList = config.stringList(QStringLiteral("run_list"));
    stagingDir = config.string(QStringLiteral("staging_directory"));
    if (stagingDir.isEmpty())
        stagingDir = windows ? QStringLiteral("C:/Windows/Temp/packer-chef-solo")
                             : QStringLiteral("/tmp/packer-chef-solo");
    skipInstall = config.boolean(QStringLiteral("skip_install"));
    chefLicense = config.string(QStringLiteral("chef_license"));
    // Chef 15 asks for the license; Packer accepts it silently only for its own installer.
    if (!skipInstall && installCommand == defaultInstallCommand(windows) && chefLicense.isEmpty())
        chefLicense = QStringLiteral("accept-silent");
    chefEnvironment = config.string(QStringLiteral("chef_environment"));
    configTemplate = config.string(QStringLiteral("config_template"));
    cookbookPaths = config.stringList(QStringLiteral("cookbook_paths"));
    rolesPath = config.string(QStringLiteral("roles_path"));
    dataBagsPath = config.string(QStringLiteral("data_bags_path"));
    encryptedDataBagSecretPath = config.string(QStringLiteral("encrypted_data_bag_secret_path"));
    environmentsPath = config.string(QStringLiteral("environments_path"));
    remoteCookbookPaths = config.stringList(QStringLiteral("remote_cookbook_paths"));
    version = config.string(QStringLiteral("version"));

    // Packer's checks, in its order and words.
    if (!configTemplate.isEmpty()) {
        const QString statError = LocalFileSettings::statError(configTemplate);
        if (!statError.isEmpty())
            result.errors << QStringLiteral("Bad config template path: %1").arg(statError);
        else if (QFileInfo(configTemplate).isDir())
            result.errors << QStringLiteral("Config template path must be a file: %!s(<nil>)");
    }
    for (const QString &path : std::as_const(cookbookPaths))
        result.errors << badPath(QStringLiteral("cookbook path"), path, true);
    if (!rolesPath.isEmpty())
        result.errors << badPath(QStringLiteral("roles path"), rolesPath, true);
    if (!dataBagsPath.isEmpty())
        result.errors << badPath(QStringLiteral("data bags path"), dataBagsPath, true);
    if (!encryptedDataBagSecretPath.isEmpty())
        result.errors << badPath(
            QStringLiteral("encrypted data bag secret"), encryptedDataBagSecretPath, false);
    if (!environmentsPath.isEmpty())
        result.errors << badPath(QStringLiteral("environments path"), environmentsPath, true);
    result.errors.removeAll(QString());
    const QString jsonError = processJsonUserVars(config.interpolation, &json);
    if (!jsonError.isEmpty())
        result.errors
            << QStringLiteral("Error processing user variables in JSON: %1").arg(jsonError);
    return result;
}

} // namespace kiln::components
