#include "components/provisioners/shell/ShellProvisionerSettings.h"

#include "components/shared/ShellScriptSettings.h"

#include <QRandomGenerator>

namespace kiln::components {

namespace {

int goRandIntn(int n)
{
    return int(QRandomGenerator::global()->bounded(n));
}

} // namespace

build::PrepareResult ShellProvisionerSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    this->config = config;
    useEnvVarFile = config.boolean(QStringLiteral("use_env_var_file"));
    envVarFormat = config.string(QStringLiteral("env_var_format"));
    if (envVarFormat.isEmpty())
        envVarFormat
            = useEnvVarFile ? QStringLiteral("export %s='%s'\n") : QStringLiteral("%s='%s' ");
    executeCommand = config.string(QStringLiteral("execute_command"));
    if (executeCommand.isEmpty())
        executeCommand = useEnvVarFile
            ? QStringLiteral("chmod +x {{.Path}}; . {{.EnvVarFile}} && {{.Path}}")
            : QStringLiteral("chmod +x {{.Path}}; {{.Vars}} {{.Path}}");
    inlineCommands.reset();
    if (config.has(QStringLiteral("inline"))) {
        const QStringList lines = config.stringList(QStringLiteral("inline"));
        if (!lines.isEmpty())
            inlineCommands = lines;
    }
    inlineShebang = config.string(QStringLiteral("inline_shebang"));
    inlineShebangDefined = !inlineShebang.isEmpty();
    if (!inlineShebangDefined)
        inlineShebang = QStringLiteral("/bin/sh -e");

    QString durationError;
    const auto retry = config.durationMs(QStringLiteral("start_retry_timeout"), 0, &durationError);
    if (!retry)
        result.errors << durationError;
    startRetryTimeoutMs = retry.value_or(0) == 0 ? 5 * 60 * 1000 : *retry;
    const auto pause = config.durationMs(QStringLiteral("pause_after"), 0, &durationError);
    if (!pause)
        result.errors << durationError;
    pauseAfterMs = pause.value_or(0);

    remoteFolder = config.string(QStringLiteral("remote_folder"));
    if (remoteFolder.isEmpty())
        remoteFolder = QStringLiteral("/tmp");
    QString remoteFile = config.string(QStringLiteral("remote_file"));
    if (remoteFile.isEmpty())
        remoteFile = QStringLiteral("script_%1.sh").arg(goRandIntn(9999));
    remotePath = config.string(QStringLiteral("remote_path"));
    if (remotePath.isEmpty())
        remotePath = remoteFolder + QLatin1Char('/') + remoteFile;

    expectDisconnect = config.boolean(QStringLiteral("expect_disconnect"));
    skipClean = config.boolean(QStringLiteral("skip_clean"));
    binary = config.boolean(QStringLiteral("binary"));
    validExitCodes.clear();
    for (const QString &code : config.stringList(QStringLiteral("valid_exit_codes")))
        validExitCodes << code.toInt();
    vars = config.stringList(QStringLiteral("environment_vars"));
    env = config.stringMap(QStringLiteral("env"));

    // Packer's checks, in its order.
    const QString script = config.string(QStringLiteral("script"));
    scripts = config.stringList(QStringLiteral("scripts"));
    if (!script.isEmpty() && !scripts.isEmpty())
        result.errors << QStringLiteral("Only one of script or scripts can be specified.");
    if (!script.isEmpty())
        scripts = {script};
    if (scripts.isEmpty() && !inlineCommands)
        result.errors << QStringLiteral("Either a script file or inline script must be specified.");
    else if (!scripts.isEmpty() && inlineCommands)
        result.errors << QStringLiteral(
            "Only a script file or an inline script can be specified, not both.");
    result.errors << ShellScriptSettings::badScripts(scripts);
    result.errors << ShellScriptSettings::environmentVarErrors(vars);
    return result;
}

} // namespace kiln::components
