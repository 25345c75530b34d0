#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace kiln::components {

// The shell provisioner's configuration (Packer's provisioner/shell Config) with Packer's
// defaults applied. `config` is kept for its `{{ }}` context: the inline commands,
// environment_vars and execute_command are rendered at provision time.
struct ShellProvisionerSettings
{
    build::ComponentConfig config;
    std::optional<QStringList> inlineCommands;
    QStringList scripts;
    QStringList vars;
    QMap<QString, QString> env;
    QString envVarFormat;
    bool useEnvVarFile = false;
    QString executeCommand;
    QString inlineShebang;
    bool inlineShebangDefined = false;
    QString remoteFolder;
    QString remotePath;
    bool expectDisconnect = false;
    QList<int> validExitCodes;
    bool skipClean = false;
    qint64 startRetryTimeoutMs = 0;
    qint64 pauseAfterMs = 0;
    bool binary = false;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
