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

QString ShellLocalRunner::render(const QString &text, const QVariantMap &data, QString *error) const
{
    tmpl::legacy::InterpolateContext ic = m_settings.config.interpolation;
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
    QString body = QStringLiteral("#!%1\n").arg(m_settings.inlineShebang);
    for (const QString &line : *m_settings.inlineCommands) {
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
    if (!m_settings.onlyOn.isEmpty() && !m_settings.onlyOn.contains(hostOs())) {
        ui.say(QStringLiteral("Skipping shell-local due to runtime OS"));
        return {};
    }

    QVariantMap data = generatedData;
    QStringList scripts = m_settings.scripts;
    RemoveLater inlineScript;
    if (scripts.isEmpty() && m_settings.inlineCommands) {
        const QString error = writeInlineScript(data, &inlineScript.path);
        if (!error.isEmpty()) {
            QFile::remove(inlineScript.path);
            return error;
        }
        if (!m_settings.tempfileExtension.isEmpty()) {
            const QString renamed
                = inlineScript.path + QLatin1Char('.') + m_settings.tempfileExtension;
            QFile::rename(inlineScript.path, renamed);
            inlineScript.path = renamed;
        }
        scripts << inlineScript.path;
    }

    ShellEnvVars env(
        m_settings.config.interpolation.buildName, m_settings.config.interpolation.buildType, data);
    QStringList vars;
    for (const QString &kv : m_settings.vars) {
        QString error;
        vars << render(kv, data, &error);
        if (!error.isEmpty())
            return error;
    }
    env.addVars(vars);
    env.addEnv(m_settings.env);
    const QString flattened = env.flatten(m_settings.envVarFormat);

    comm::LocalCommunicator local;
    for (const QString &script : std::as_const(scripts)) {
        const QString absScript = QFileInfo(script).absoluteFilePath();
        data.insert(QStringLiteral("Vars"), flattened);
        data.insert(QStringLiteral("Script"), absScript);
        data.insert(QStringLiteral("Command"), absScript);
        QStringList argv;
        for (const QString &part : m_settings.executeCommand) {
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
        const QString exitError
            = ShellRunner::validExitCode(result.exitStatus, m_settings.validExitCodes);
        if (!exitError.isEmpty())
            return exitError;
    }
    return {};
}

} // namespace kiln::components
