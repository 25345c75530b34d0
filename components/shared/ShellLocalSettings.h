#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace kiln::components {

// The configuration the shell-local provisioner and post-processor share (packer-plugin-sdk's
// shell-local Config and Validate), with its defaults applied. `config` is kept for its
// `{{ }}` context: the commands and environment_vars are rendered when they run.
struct ShellLocalSettings
{
    enum class Kind { Provisioner, PostProcessor };

    explicit ShellLocalSettings(Kind kind)
        : kind(kind)
    { }

    Kind kind;
    build::ComponentConfig config;
    std::optional<QStringList> inlineCommands;
    QStringList scripts;
    QStringList executeCommand;
    QString inlineShebang;
    QStringList onlyOn;
    QString tempfileExtension;
    QStringList vars;
    QMap<QString, QString> env;
    QString envVarFormat;
    QList<int> validExitCodes;

    // Decode and Validate, with Packer's messages (a bad only_on replaces every other error).
    build::PrepareResult read(const build::ComponentConfig &config);
};

// One component's settings, made without arguments (as build::settingsReader makes them).
template <ShellLocalSettings::Kind K> struct ShellLocalSettingsOf : ShellLocalSettings
{
    ShellLocalSettingsOf()
        : ShellLocalSettings(K)
    { }
};

using ShellLocalProvisionerSettings = ShellLocalSettingsOf<ShellLocalSettings::Kind::Provisioner>;
using ShellLocalPostProcessorSettings
    = ShellLocalSettingsOf<ShellLocalSettings::Kind::PostProcessor>;

} // namespace kiln::components
