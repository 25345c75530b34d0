#include "components/postprocessors/docker-save/DockerSavePostProcessor.h"
#include "components/shared/docker/DockerClient.h"
#include "engine/build/BuildContext.h"

#include <QSaveFile>

namespace kiln::components {

build::PrepareResult DockerSavePostProcessor::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

build::PostProcessResult DockerSavePostProcessor::postProcess(
    build::BuildContext &ctx, const build::ArtifactPtr &input)
{
    build::PostProcessResult out;
    const QString from = input->builderId();
    if (from != QLatin1String("packer.post-processor.docker-import")
        && from != QLatin1String("packer.post-processor.docker-tag")) {
        out.error
            = QStringLiteral("Unknown artifact type: %1\nCan only save Docker builder artifacts.")
                  .arg(from);
        return out;
    }
    // Written beside the target and renamed when complete: a failed save leaves nothing.
    QSaveFile file(m_settings.path);
    if (!file.open(QIODevice::WriteOnly)) {
        out.error = QStringLiteral("Error creating output file: %1").arg(file.errorString());
        return out;
    }
    const build::BuildUi ui = ctx.ui.forComponent(QStringLiteral("docker-save"));
    ui.message(QStringLiteral("Saving image: ") + input->id());
    docker::DockerClient client;
    const QString error = client.saveImage(
        input->id(), file,
        [ui](qint64 done, qint64 total) {
            ui.progress(QStringLiteral("Saving image"), done, total);
        },
        ctx.cancel);
    if (!error.isEmpty()) {
        file.cancelWriting();
        out.error = QStringLiteral("Error exporting: %1").arg(error);
        return out;
    }
    if (!file.commit()) {
        out.error = QStringLiteral("Error creating output file: %1").arg(file.errorString());
        return out;
    }
    ui.message(QStringLiteral("Saved to: ") + m_settings.path);
    out.artifact = input;
    out.keep = true;
    return out;
}

} // namespace kiln::components
