#include "components/postprocessors/docker-tag/DockerTagPostProcessor.h"
#include "components/shared/docker/DockerImageArtifact.h"
#include "engine/build/BuildContext.h"

namespace kiln::components {

build::PrepareResult DockerTagPostProcessor::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

build::PostProcessResult DockerTagPostProcessor::postProcess(
    build::BuildContext &ctx, const build::ArtifactPtr &input)
{
    build::PostProcessResult out;
    const build::BuildUi ui = ctx.ui.forComponent(QStringLiteral("docker-tag"));
    if (m_settings.deprecatedTag)
        ui.say(QStringLiteral(
            "Deprecation warning: \"tag\" option has been replaced with \"tags\". In future "
            "versions of Packer, this configuration may not work. Please call `packer fix` on "
            "your template to update."));
    const QString from = input->builderId();
    if (from != QLatin1String(builderId)
        && from != QLatin1String("packer.post-processor.docker-import")) {
        out.error = QStringLiteral(
            "Unknown artifact type: %1\nCan only tag from Docker builder artifacts.")
                        .arg(from);
        out.forceOverride = true;
        return out;
    }
    docker::DockerClient client;
    QString lastTagged = m_settings.repository;
    QStringList repoTags;
    QStringList names;
    if (m_settings.tags.isEmpty())
        names << m_settings.repository;
    for (const QString &tag : m_settings.tags)
        names << m_settings.repository + QLatin1Char(':') + tag;
    for (const QString &name : names) {
        ui.message(QStringLiteral("Tagging image: ") + input->id());
        ui.message(QStringLiteral("Repository: ") + name);
        const QString error = client.tagImage(input->id(), name, ctx.cancel);
        if (!error.isEmpty()) {
            out.error = QStringLiteral("Error tagging image: %1").arg(error);
            out.forceOverride = true;
            return out;
        }
        if (!m_settings.tags.isEmpty()) {
            repoTags << name;
            lastTagged = name;
        }
    }
    QVariantMap state{{QStringLiteral("docker_tags"), repoTags}};
    const QVariant generated = input->state(QStringLiteral("generated_data"));
    if (generated.isValid())
        state.insert(QStringLiteral("generated_data"), generated);
    out.artifact = std::make_shared<docker::DockerImageArtifact>(
        QString::fromLatin1(builderId), lastTagged, client, state);
    out.keep = true;
    out.forceOverride = true;
    return out;
}

} // namespace kiln::components
