#include "components/shared/ShellLocalSettings.h"

#include "components/shared/ShellScriptSettings.h"

#include <QFileInfo>

namespace kiln::components {

namespace {

QString tooManyOptions()
{
    return QStringLiteral(
        "You may only specify one of the following options: Command, Inline, Script or Scripts. "
        "Please consolidate these options in your config.");
}

// The SDK's ConvertToLinuxPath: C:/path becomes /mnt/c/path; a path without a drive fails.
std::optional<QString> linuxPath(const QString &absolute, QString *error)
{
    QString path = absolute;
    path.replace(QLatin1Char('\\'), QLatin1Char('/'));
    const qsizetype drive = path.indexOf(QLatin1String(":/"));
    if (drive < 0) {
        *error = QStringLiteral(
            "There was an error splitting your absolute path; expected to find a drive following "
            "the format ':/' but did not: absolute path: %1")
                     .arg(path);
        return std::nullopt;
    }
    return QStringLiteral("/mnt/%1/%2").arg(path.left(drive).toLower(), path.mid(drive + 2));
}

} // namespace

build::PrepareResult ShellLocalSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    this->config = config;
    executeCommand = config.stringList(QStringLiteral("execute_command"));
    // Before the shell-local post-processor and provisioner merged, the post-processor took
    // execute_command as one string run by `sh -c`; a one-element list keeps meaning that.
    if (kind == Kind::PostProcessor && executeCommand.size() == 1)
        executeCommand = QStringList{QStringLiteral("sh"), QStringLiteral("-c")} + executeCommand;
    inlineShebang = config.string(QStringLiteral("inline_shebang"));
    if (inlineShebang.isEmpty())
        inlineShebang = QStringLiteral("/bin/sh -e");
    if (executeCommand.isEmpty())
        executeCommand = {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
            QStringLiteral("{{.Vars}} {{.Script}}")};

    const QString command = config.string(QStringLiteral("command"));
    const QString script = config.string(QStringLiteral("script"));
    scripts = config.stringList(QStringLiteral("scripts"));
    inlineCommands.reset();
    if (config.has(QStringLiteral("inline")))
        inlineCommands = config.stringList(QStringLiteral("inline"));
    const qsizetype inlineCount = inlineCommands ? inlineCommands->size() : 0;

    if (command.isEmpty() && inlineCount == 0 && scripts.isEmpty() && script.isEmpty())
        result.errors << QStringLiteral(
            "Command, Inline, Script and Scripts options cannot all be empty.");
    if (!command.isEmpty()) {
        if (inlineCount != 0 || !scripts.isEmpty() || !script.isEmpty())
            result.errors << tooManyOptions();
        else
            inlineCommands = QStringList{command};
    }
    if (!script.isEmpty()) {
        if (!scripts.isEmpty() || (inlineCommands && !inlineCommands->isEmpty()))
            result.errors << tooManyOptions();
        else
            scripts = {script};
    }
    if (!scripts.isEmpty() && inlineCommands)
        result.errors << tooManyOptions();
    result.errors << ShellScriptSettings::badScripts(scripts);

    static const QStringList supported{
        "darwin", "freebsd", "linux", "openbsd", "solaris", "windows"};
    onlyOn = config.stringList(QStringLiteral("only_on"));
    for (const QString &os : std::as_const(onlyOn)) {
        if (!supported.contains(os)) {
            // Packer returns this one error alone, dropping those collected so far.
            result.errors
                = {QStringLiteral("Invalid OS specified in only_on: '%1'\nSupported OS names: %2")
                        .arg(os, supported.join(QStringLiteral(", ")))};
            return result;
        }
    }

    if (config.boolean(QStringLiteral("use_linux_pathing"))) {
        for (QString &s : scripts) {
            QString error;
            const auto converted = linuxPath(QFileInfo(s).absoluteFilePath(), &error);
            if (!converted) {
                result.errors = {error};
                return result;
            }
            s = *converted;
        }
        if (inlineCommands && !inlineCommands->isEmpty())
            result.errors << QStringLiteral(
                "Packer is unable to use the Command and Inline features with the Windows "
                "Linux Subsystem. Please use the Script or Scripts options instead");
    }

    envVarFormat = config.string(QStringLiteral("env_var_format"));
    if (envVarFormat.isEmpty())
        envVarFormat = QStringLiteral("%s='%s' ");
    tempfileExtension = config.string(QStringLiteral("tempfile_extension"));
    if (tempfileExtension.startsWith(QLatin1Char('.')))
        tempfileExtension.remove(0, 1);

    vars = config.stringList(QStringLiteral("environment_vars"));
    env = config.stringMap(QStringLiteral("env"));
    result.errors << ShellScriptSettings::environmentVarErrors(vars);
    validExitCodes.clear();
    for (const QString &code : config.stringList(QStringLiteral("valid_exit_codes")))
        validExitCodes << code.toInt();
    return result;
}

} // namespace kiln::components
