#include "components/provisioners/shell/ShellProvisioner.h"

#include "components/shared/ShellEnvVars.h"
#include "components/shared/ShellRunner.h"
#include "components/shared/ShellScriptFiles.h"
#include "components/shared/ShellUnixText.h"
#include "engine/build/BuildContext.h"
#include "engine/build/GoDurationText.h"
#include "engine/communicator/Communicator.h"
#include "engine/template/legacy/Interpolator.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryFile>
#include <QThread>

namespace kiln::components {

namespace {

int goRandIntn(int n)
{
    return int(QRandomGenerator::global()->bounded(n));
}

// Removes a local temporary file when the provisioner returns, as Packer's `defer os.Remove`.
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

build::PrepareResult ShellProvisioner::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

QString ShellProvisioner::render(const QString &text, const QVariantMap &data, QString *error) const
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

QString ShellProvisioner::writeInlineScript(const QVariantMap &generatedData, QString *path) const
{
    QString error;
    *path = ShellScriptFiles::createTemp(QStringLiteral("packer-shell"), &error);
    if (path->isEmpty())
        return QStringLiteral("Error preparing shell script: %1").arg(error);
    QString body;
    for (const QString &line : *m_settings.inlineCommands) {
        const QString command = render(line, generatedData, &error);
        if (!error.isEmpty())
            return QStringLiteral("Error interpolating Inline: %1").arg(error);
        body += command + QLatin1Char('\n');
    }
    // A shebang of the user's wins; otherwise the default one unless the commands bring one.
    if (m_settings.inlineShebangDefined || !body.startsWith(QLatin1String("#!")))
        body.prepend(QStringLiteral("#!%1\n").arg(m_settings.inlineShebang));
    QFile file(*path);
    if (!file.open(QIODevice::WriteOnly) || file.write(body.toUtf8()) < 0 || !file.flush())
        return QStringLiteral("Error preparing shell script: %1").arg(file.errorString());
    return {};
}

QString ShellProvisioner::uploadEnvVarFile(build::BuildContext &ctx, comm::Communicator &comm,
    const QString &content, QString *remotePath) const
{
    QTemporaryFile local;
    if (!local.open() || local.write(content.toUtf8()) < 0 || !local.flush())
        return QStringLiteral("Error preparing shell script: %1").arg(local.errorString());
    return ShellRunner::retry(
        m_settings.startRetryTimeoutMs, ctx.cancel,
        [&]() -> QString {
            local.seek(0);
            QTemporaryFile converted;
            QIODevice *source = &local;
            if (!m_settings.binary) {
                if (!converted.open())
                    return converted.errorString();
                const QString error = ShellUnixText::convert(local, converted);
                if (!error.isEmpty())
                    return error;
                converted.seek(0);
                source = &converted;
            }
            const QString name = QStringLiteral("%1/varfile_%2.sh")
                                     .arg(m_settings.remoteFolder)
                                     .arg(goRandIntn(9999));
            QString error = comm.upload(name, *source, source->size(), 0644, {}, ctx.cancel);
            if (!error.isEmpty())
                return QStringLiteral("Error uploading envVarFile: %1").arg(error);
            comm::RemoteCommand chmod;
            chmod.command = QStringLiteral("chmod 0600 %1").arg(name);
            const comm::CommandResult r = comm.run(chmod, ctx.cancel);
            if (!r.error.isEmpty())
                return QStringLiteral("Error chmodding script file to 0600 in remote machine: %1")
                    .arg(r.error);
            *remotePath = name;
            return {};
        },
        2000);
}

QString ShellProvisioner::runScript(build::BuildContext &ctx, comm::Communicator &comm,
    const QString &localPath, const QString &command) const
{
    QFile file(localPath);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("Error opening shell script: %1")
            .arg(ShellScriptFiles::openError(localPath));
    comm::CommandResult result;
    // Upload and run in one retried unit: after a reboot the uploaded file may be gone.
    QString error = ShellRunner::retry(
        m_settings.startRetryTimeoutMs, ctx.cancel,
        [&]() -> QString {
            file.seek(0);
            QTemporaryFile converted;
            QIODevice *source = &file;
            if (!m_settings.binary) {
                if (!converted.open())
                    return converted.errorString();
                const QString convertError = ShellUnixText::convert(file, converted);
                if (!convertError.isEmpty())
                    return convertError;
                converted.seek(0);
                source = &converted;
            }
            const QString uploadError
                = comm.upload(m_settings.remotePath, *source, source->size(), 0644, {}, ctx.cancel);
            if (!uploadError.isEmpty())
                return QStringLiteral("Error uploading script: %1").arg(uploadError);
            comm::RemoteCommand chmod;
            chmod.command = QStringLiteral("chmod 0755 %1").arg(m_settings.remotePath);
            const comm::CommandResult chmodResult = comm.run(chmod, ctx.cancel);
            if (!chmodResult.error.isEmpty())
                return QStringLiteral("Error chmodding script file to 0755 in remote machine: %1")
                    .arg(chmodResult.error);
            result = ShellRunner::runWithUi(comm, command, ctx.ui, ctx.cancel);
            // A script that started and then lost its connection is not a failure to start:
            // retrying it would wait start_retry_timeout for a machine that may be gone.
            return result.disconnected ? QString() : result.error;
        },
        2000);
    if (!error.isEmpty())
        return error;

    if (result.disconnected) {
        if (!m_settings.expectDisconnect)
            return QStringLiteral(
                "Script disconnected unexpectedly. If you expected your script to disconnect, i.e. "
                "from a restart, you can try adding `\"expect_disconnect\": true` or "
                "`\"valid_exit_codes\": [0, 2300218]` to the shell provisioner parameters.");
        return {};
    }
    return ShellRunner::validExitCode(result.exitStatus, m_settings.validExitCodes);
}

QString ShellProvisioner::cleanupRemoteFile(
    build::BuildContext &ctx, comm::Communicator &comm, const QString &path) const
{
    // Retried: when the script rebooted the machine, the removal waits for it to come back.
    return ShellRunner::retry(
        m_settings.startRetryTimeoutMs, ctx.cancel,
        [&]() -> QString {
            comm::RemoteCommand rm;
            rm.command = QStringLiteral("rm -f %1").arg(path);
            const comm::CommandResult r = comm.run(rm, ctx.cancel);
            if (!r.error.isEmpty())
                return QStringLiteral("Error removing temporary script at %1: %2")
                    .arg(path, r.error);
            if (r.disconnected)
                return QStringLiteral("Disconnect while removing temporary script.");
            if (r.exitStatus != 0)
                return QStringLiteral("Error removing temporary script at %1!").arg(path);
            return {};
        },
        2000);
}

QString ShellProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    QVariantMap data = ctx.generatedData;
    QStringList scripts = m_settings.scripts;
    RemoveLater inlineScript;
    if (m_settings.inlineCommands) {
        const QString error = writeInlineScript(data, &inlineScript.path);
        if (!error.isEmpty())
            return error;
        scripts << inlineScript.path;
    }

    ShellEnvVars env(
        m_settings.config.interpolation.buildName, m_settings.config.interpolation.buildType, data);
    env.addVars(m_settings.vars);
    env.addEnv(m_settings.env);

    QString envVarFile;
    if (m_settings.useEnvVarFile) {
        const QString error
            = uploadEnvVarFile(ctx, comm, env.flatten(m_settings.envVarFormat), &envVarFile);
        if (!error.isEmpty())
            return error;
    }

    const QString flattened = env.flatten(m_settings.envVarFormat);
    for (const QString &path : std::as_const(scripts)) {
        ctx.ui.say(QStringLiteral("Provisioning with shell script: %1").arg(path));
        data.insert(QStringLiteral("Vars"), flattened);
        data.insert(QStringLiteral("EnvVarFile"), envVarFile);
        data.insert(QStringLiteral("Path"), m_settings.remotePath);
        QString renderError;
        const QString command = render(m_settings.executeCommand, data, &renderError);
        if (!renderError.isEmpty())
            return QStringLiteral("Error processing command: %1").arg(renderError);
        const QString error = runScript(ctx, comm, path, command);
        if (!error.isEmpty())
            return error;
        if (m_settings.skipClean)
            continue;
        const QString cleanError = cleanupRemoteFile(ctx, comm, m_settings.remotePath);
        if (!cleanError.isEmpty())
            return cleanError;
    }

    if (!m_settings.skipClean && !envVarFile.isEmpty()) {
        const QString cleanError = cleanupRemoteFile(ctx, comm, envVarFile);
        if (!cleanError.isEmpty())
            return cleanError;
    }

    if (m_settings.pauseAfterMs > 0) {
        ctx.ui.say(QStringLiteral("Pausing %1 after this provisioner...")
                       .arg(build::goDurationText(m_settings.pauseAfterMs)));
        if (!ctx.cancel)
            QThread::msleep(ulong(m_settings.pauseAfterMs));
        else if (!ctx.cancel->sleepFor(m_settings.pauseAfterMs))
            return QStringLiteral("context canceled");
    }
    return {};
}

} // namespace kiln::components
