#include "components/builders/docker/StepCommit.h"

#include "engine/build/BuildContext.h"

namespace kiln::components {

build::StepAction StepCommit::run(build::BuildContext &ctx)
{
    const DockerBuilderSettings &c = m_state.settings;
    ctx.ui.say(QStringLiteral("Committing the container"));
    QString imageId;
    const QString error = m_state.client.commit(
        m_state.containerId, c.author, c.message, c.changes, &imageId, ctx.cancel);
    if (!error.isEmpty()) {
        const QString message = QStringLiteral("Error committing container: %1").arg(error);
        if (!ctx.cancelled())
            ctx.ui.error(message);
        ctx.fail(message);
        return build::StepAction::Halt;
    }
    m_state.imageId = imageId;
    ctx.state.put(QStringLiteral("image_id"), imageId);
    QJsonObject image;
    if (m_state.client.inspectImage(imageId, &image, ctx.cancel).isEmpty())
        ctx.generatedData.insert(
            QStringLiteral("ImageSha256"), image.value(QLatin1String("Id")).toString());
    ctx.ui.message(QStringLiteral("Image ID: %1").arg(imageId));
    return build::StepAction::Continue;
}

} // namespace kiln::components
