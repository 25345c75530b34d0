#include "components/builders/docker/StepRunContainer.h"

#include "components/builders/docker/DockerRunArgs.h"
#include "engine/build/BuildContext.h"
#include "engine/template/legacy/Interpolator.h"

#include <QDir>

namespace kiln::components {

QStringList StepRunContainer::runArguments(
    const DockerBuilderSettings &c, const QString &tempDir, QString *error)
{
    QStringList args;
    for (const QString &v : c.device)
        args << QStringLiteral("--device") << v;
    for (const QString &v : c.capAdd)
        args << QStringLiteral("--cap-add") << v;
    for (const QString &v : c.capDrop)
        args << QStringLiteral("--cap-drop") << v;
    if (c.privileged)
        args << QStringLiteral("--privileged");
    if (!c.runtime.isEmpty())
        args << QStringLiteral("--runtime") << c.runtime;
    if (!c.platform.isEmpty())
        args << QStringLiteral("--platform") << c.platform;
    for (const QString &v : c.tmpfs)
        args << QStringLiteral("--tmpfs") << v;
    QMap<QString, QString> volumes = c.volumes;
    volumes.insert(tempDir, c.containerDir);
    for (auto it = volumes.cbegin(); it != volumes.cend(); ++it) {
        QString hostPath = it.key();
        if (hostPath.startsWith(QLatin1String("~/")))
            hostPath = QDir::homePath() + hostPath.mid(1);
        args << QStringLiteral("-v") << hostPath + QLatin1Char(':') + it.value();
    }
    tmpl::legacy::InterpolateContext ic = c.source.interpolation;
    ic.data = QVariantMap{{QStringLiteral("Image"), c.image}};
    for (const QString &v : c.runCommand) {
        const auto rendered = tmpl::legacy::Interpolator::render(v, ic);
        if (!rendered.ok()) {
            *error = rendered.error->message;
            return {};
        }
        args << rendered.value;
    }
    return args;
}

build::StepAction StepRunContainer::run(build::BuildContext &ctx)
{
    const DockerBuilderSettings &c = m_state.settings;
    auto fail = [&ctx](const QString &message) {
        ctx.ui.error(message);
        ctx.fail(message);
        return build::StepAction::Halt;
    };
    ctx.ui.say(QStringLiteral("Starting docker container..."));
    QString error;
    const QStringList args = runArguments(c, m_state.tempDir, &error);
    if (!error.isEmpty())
        return fail(QStringLiteral("Error running container: %1").arg(error));
    ctx.ui.message(
        QStringLiteral("Run command: %1 run %2").arg(c.executable, args.join(QLatin1Char(' '))));
    const DockerRunArgs run = DockerRunArgs::parse(args);
    if (!run.error.isEmpty())
        return fail(QStringLiteral("Error running container: %1").arg(run.error));
    QString id;
    error = m_state.client.createContainer(run.body, run.name, run.platform, &id, ctx.cancel);
    if (error.isEmpty()) {
        m_state.containerId = id;
        error = m_state.client.startContainer(id, ctx.cancel);
    }
    if (!error.isEmpty()) {
        if (ctx.cancelled())
            return build::StepAction::Halt;
        return fail(QStringLiteral("Error running container: %1").arg(error));
    }
    ctx.state.put(QStringLiteral("container_id"), id);
    ctx.state.put(QStringLiteral("instance_id"), id);
    ctx.generatedData.insert(QStringLiteral("ID"), id);
    ctx.ui.message(QStringLiteral("Container ID: %1").arg(id));
    return build::StepAction::Continue;
}

void StepRunContainer::cleanup(build::BuildContext &ctx)
{
    if (m_state.containerId.isEmpty())
        return;
    ctx.ui.say(QStringLiteral("Killing the container: %1").arg(m_state.containerId));
    // Not the build's token: a cancelled build must still remove its container.
    const QString error = m_state.client.removeContainer(m_state.containerId, true, nullptr);
    if (!error.isEmpty())
        ctx.ui.error(QStringLiteral("Error removing container: %1").arg(error));
    m_state.containerId.clear();
}

} // namespace kiln::components
