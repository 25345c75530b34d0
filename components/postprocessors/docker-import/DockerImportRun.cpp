#include "components/postprocessors/docker-import/DockerImportPostProcessor.h"
#include "components/shared/docker/DockerImageArtifact.h"
#include "engine/build/BuildContext.h"

#include <QFile>

namespace kiln::components {

build::PrepareResult DockerImportPostProcessor::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

build::PostProcessResult DockerImportPostProcessor::postProcess(
    build::BuildContext &ctx, const build::ArtifactPtr &input)
{
    build::PostProcessResult out;
    const QString from = input->builderId();
    if (from != QLatin1String("packer.docker")
        && from != QLatin1String("packer.post-processor.artifice")) {
        out.error = QStringLiteral(
            "Unknown artifact type: %1\nCan only import from Docker builder and Artifice "
            "post-processor artifacts. If you are getting this error after having run the "
            "docker builder, it may be because you set commit: true in your Docker builder, "
            "so the image is already imported. ")
                        .arg(from);
        return out;
    }
    QString repo = m_settings.repository;
    if (!m_settings.tag.isEmpty())
        repo += QLatin1Char(':') + m_settings.tag;
    const build::BuildUi ui = ctx.ui.forComponent(QStringLiteral("docker-import"));
    ui.message(QStringLiteral("Importing image: ") + input->id());
    ui.message(QStringLiteral("Repository: ") + repo);
    const QString path = input->files().value(0);
    QFile tar(path);
    if (!tar.open(QIODevice::ReadOnly)) {
        out.error
            = QStringLiteral("Error importing container: open %1: %2").arg(path, tar.errorString());
        return out;
    }
    docker::DockerClient client;
    QString id;
    const QString error = client.importImage(
        tar, tar.size(), repo, m_settings.changes, m_settings.platform, &id, ctx.cancel);
    if (!error.isEmpty()) {
        out.error = QStringLiteral("Error importing container: %1").arg(error);
        return out;
    }
    ui.message(QStringLiteral("Imported ID: ") + id);
    out.artifact = std::make_shared<docker::DockerImageArtifact>(
        QString::fromLatin1(builderId), repo, client);
    return out;
}

} // namespace kiln::components
