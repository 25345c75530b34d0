#include "components/provisioners/puppet-masterless/PuppetMasterlessProvisionerSettings.h"

#include "components/shared/LocalFileSettings.h"

#include <QFileInfo>

namespace kiln::components {

build::PrepareResult PuppetMasterlessProvisionerSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    this->config = config;
    QString error;
    if (!common.read(config, PuppetCommonSettings::Mode::Apply, QStringLiteral("staging_directory"),
            &error)) {
        result.errors << error;
        return result;
    }
    manifestFile = config.string(QStringLiteral("manifest_file"));
    manifestDir = config.string(QStringLiteral("manifest_dir"));
    hieraConfigPath = config.string(QStringLiteral("hiera_config_path"));
    modulePaths = config.stringList(QStringLiteral("module_paths"));

    // Packer's checks, in its order and words.
    if (!hieraConfigPath.isEmpty()) {
        const QString statError = LocalFileSettings::statError(hieraConfigPath);
        if (!statError.isEmpty())
            result.errors << QStringLiteral("hiera_config_path is invalid: %1").arg(statError);
        else if (QFileInfo(hieraConfigPath).isDir())
            result.errors << QStringLiteral("hiera_config_path must point to a file");
    }
    if (!manifestDir.isEmpty()) {
        const QString statError = LocalFileSettings::statError(manifestDir);
        if (!statError.isEmpty())
            result.errors << QStringLiteral("manifest_dir is invalid: %1").arg(statError);
        else if (!QFileInfo(manifestDir).isDir())
            result.errors << QStringLiteral("manifest_dir must point to a directory");
    }
    if (manifestFile.isEmpty()) {
        result.errors << QStringLiteral("A manifest_file must be specified.");
    } else {
        const QString statError = LocalFileSettings::statError(manifestFile);
        if (!statError.isEmpty())
            result.errors << QStringLiteral("manifest_file is invalid: %1").arg(statError);
    }
    for (int i = 0; i < modulePaths.size(); ++i) {
        const QString statError = LocalFileSettings::statError(modulePaths[i]);
        if (!statError.isEmpty())
            result.errors << QStringLiteral("module_path[%1] is invalid: %2").arg(i).arg(statError);
        else if (!QFileInfo(modulePaths[i]).isDir())
            result.errors << QStringLiteral("module_path[%1] must point to a directory").arg(i);
    }
    result.errors << PuppetCommonSettings::validate(config);
    return result;
}

} // namespace kiln::components
