#include "components/shared/ShellLocalRunner.h"

#include "components/shared/ShellEnvVars.h"
#include "components/shared/ShellRunner.h"
#include "components/shared/ShellScriptFiles.h"
#include "engine/communicator/LocalCommunicator.h"
#include "engine/template/legacy/Interpolator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace kiln::components {

namespace {

// Go's runtime.GOOS for the host Kiln was built for.
QString hostOs()
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("darwin");
#elif defined(Q_OS_FREEBSD)
    return QStringLiteral("freebsd");
#elif defined(Q_OS_OPENBSD)
    return QStringLiteral("openbsd");
#elif defined(Q_OS_SOLARIS)
    return QStringLiteral("solaris");
#elif defined(Q_OS_WIN)
    return QStringLiteral("windows");
#else
    return QStringLiteral("linux");
#endif
}

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

struct RemoveLater
{
    QString path;
    ~RemoveLater()
    {
        if (!path.isEmpty())
            QFile::remove(path);
    }
};

} // namespace

build::PrepareResult ShellLocalRunner::prepare(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    m_config = config;
    m_executeCommand = config.stringList(QStringLiteral("execute_command"));
    // Before the shell-local post-processor and provisioner merged, the post-processor took
    // execute_command as one string run by `sh -c`; a one-element list keeps meaning that.
    if (m_kind == Kind::PostProcessor && m_executeCommand.size() == 1)
        m_executeCommand
            = QStringList{QStringLiteral("sh"), QStringLiteral("-c")} + m_executeCommand;
    m_inlineShebang = config.string(QStringLiteral("inline_shebang"));
    if (m_inlineShebang.isEmpty())
        m_inlineShebang = QStringLiteral("/bin/sh -e");
    if (m_executeCommand.isEmpty())
        m_executeCommand = {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
            QStringLiteral("{{.Vars}} {{.Script}}")};

    const QString command = config.string(QStringLiteral("command"));
    const QString script = config.string(QStringLiteral("script"));
    m_scripts = config.stringList(QStringLiteral("scripts"));
    m_inline.reset();
    if (config.has(QStringLiteral("inline")))
        m_inline = config.stringList(QStringLiteral("inline"));
    const qsizetype inlineCount = m_inline ? m_inline->size() : 0;

    if (command.isEmpty() && inlineCount == 0 && m_scripts.isEmpty() && script.isEmpty())
        result.errors << QStringLiteral(
            "Command, Inline, Script and Scripts options cannot all be empty.");
    if (!command.isEmpty()) {
        if (inlineCount != 0 || !m_scripts.isEmpty() || !script.isEmpty())
            result.errors << tooManyOptions();
        else
            m_inline = QStringList{command};
    }
    if (!script.isEmpty()) {
        if (!m_scripts.isEmpty() || (m_inline && !m_inline->isEmpty()))
            result.errors << tooManyOptions();
        else
            m_scripts = {script};
    }
    if (!m_scripts.isEmpty() && m_inline)
        result.errors << tooManyOptions();
    result.errors << ShellScriptFiles::badScripts(m_scripts);

    static const QStringList supported{
        "darwin", "freebsd", "linux", "openbsd", "solaris", "windows"};
    m_onlyOn = config.stringList(QStringLiteral("only_on"));
    for (const QString &os : std::as_const(m_onlyOn)) {
        if (!supported.contains(os)) {
            // Packer returns this one error alone, dropping those collected so far.
            result.errors
                = {QStringLiteral("Invalid OS specified in only_on: '%1'\nSupported OS names: %2")
                        .arg(os, supported.join(QStringLiteral(", ")))};
            return result;
        }
    }

    if (config.boolean(QStringLiteral("use_linux_pathing"))) {
        for (QString &s : m_scripts) {
            QString error;
            const auto converted = linuxPath(QFileInfo(s).absoluteFilePath(), &error);
            if (!converted) {
                result.errors = {error};
                return result;
            }
            s = *converted;
        }
        if (m_inline && !m_inline->isEmpty())
            result.errors << QStringLiteral(
                "Packer is unable to use the Command and Inline features with the Windows "
                "Linux Subsystem. Please use the Script or Scripts options instead");
    }

    m_envVarFormat = config.string(QStringLiteral("env_var_format"));
    if (m_envVarFormat.isEmpty())
        m_envVarFormat = QStringLiteral("%s='%s' ");
    m_tempfileExtension = config.string(QStringLiteral("tempfile_extension"));
    if (m_tempfileExtension.startsWith(QLatin1Char('.')))
        m_tempfileExtension.remove(0, 1);

    m_vars = config.stringList(QStringLiteral("environment_vars"));
    m_env = config.stringMap(QStringLiteral("env"));
    result.errors << ShellEnvVars::validate(m_vars);
    m_validExitCodes.clear();
    for (const QString &code : config.stringList(QStringLiteral("valid_exit_codes")))
        m_validExitCodes << code.toInt();
    return result;
}

QString ShellLocalRunner::render(const QString &text, const QVariantMap &data, QString *error) const
{
    tmpl::legacy::InterpolateContext ic = m_config.interpolation;
    ic.data = data;
    const auto rendered = tmpl::legacy::Interpolator::render(text, ic);
    if (!rendered.ok()) {
        *error = rendered.error->message;
        return {};
    }
    return rendered.value;
}

QString ShellLocalRunner::writeInlineScript(const QVariantMap &data, QString *path) const
{
    QString error;
    *path = ShellScriptFiles::createTemp(QStringLiteral("packer-shell"), &error);
    if (path->isEmpty())
        return QStringLiteral("Error preparing shell script: %1").arg(error);
    QString body = QStringLiteral("#!%1\n").arg(m_inlineShebang);
    for (const QString &line : *m_inline) {
        const QString command = render(line, data, &error);
        if (!error.isEmpty())
            return error;
        body += command + QLatin1Char('\n');
    }
    QFile file(*path);
    if (!file.open(QIODevice::WriteOnly) || file.write(body.toUtf8()) < 0 || !file.flush())
        return QStringLiteral("Error preparing shell script: %1").arg(file.errorString());
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return {};
}

QString ShellLocalRunner::run(const build::BuildUi &ui, const build::CancelTokenPtr &cancel,
    const QVariantMap &generatedData) const
{
    if (!m_onlyOn.isEmpty() && !m_onlyOn.contains(hostOs())) {
        ui.say(QStringLiteral("Skipping shell-local due to runtime OS"));
        return {};
    }

    QVariantMap data = generatedData;
    QStringList scripts = m_scripts;
    RemoveLater inlineScript;
    if (scripts.isEmpty() && m_inline) {
        const QString error = writeInlineScript(data, &inlineScript.path);
        if (!error.isEmpty()) {
            QFile::remove(inlineScript.path);
            return error;
        }
        if (!m_tempfileExtension.isEmpty()) {
            const QString renamed = inlineScript.path + QLatin1Char('.') + m_tempfileExtension;
            QFile::rename(inlineScript.path, renamed);
            inlineScript.path = renamed;
        }
        scripts << inlineScript.path;
    }

    ShellEnvVars env(m_config.interpolation.buildName, m_config.interpolation.buildType, data);
    QStringList vars;
    for (const QString &kv : m_vars) {
        QString error;
        vars << render(kv, data, &error);
        if (!error.isEmpty())
            return error;
    }
    env.addVars(vars);
    env.addEnv(m_env);
    const QString flattened = env.flatten(m_envVarFormat);

    comm::LocalCommunicator local;
    for (const QString &script : std::as_const(scripts)) {
        const QString absScript = QFileInfo(script).absoluteFilePath();
        data.insert(QStringLiteral("Vars"), flattened);
        data.insert(QStringLiteral("Script"), absScript);
        data.insert(QStringLiteral("Command"), absScript);
        QStringList argv;
        for (const QString &part : m_executeCommand) {
            QString error;
            argv << render(part, data, &error);
            if (!error.isEmpty())
                return QStringLiteral("Error processing command: %1").arg(error);
        }
        ui.say(QStringLiteral("Running local shell script: %1").arg(script));
        const comm::CommandResult result = ShellRunner::runWithUi(
            [&](const comm::RemoteCommand &cmd) { return local.runArgv(argv, cmd, cancel); }, ui);
        if (!result.error.isEmpty())
            return QStringLiteral(
                "Error executing script: %1\n\nPlease see output above for more information.")
                .arg(absScript);
        const QString exitError = ShellRunner::validExitCode(result.exitStatus, m_validExitCodes);
        if (!exitError.isEmpty())
            return exitError;
    }
    return {};
}

} // namespace kiln::components
