#include "components/postprocessors/docker-push/DockerPushPostProcessor.h"
#include "components/shared/docker/DockerClient.h"
#include "components/shared/docker/DockerImageArtifact.h"
#include "engine/build/BuildContext.h"
#include "engine/build/SecretFilter.h"

#include <QJsonArray>

namespace kiln::components {

build::PrepareResult DockerPushPostProcessor::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

build::PostProcessResult DockerPushPostProcessor::postProcess(
    build::BuildContext &ctx, const build::ArtifactPtr &input)
{
    build::PostProcessResult out;
    const QString from = input->builderId();
    if (from != QLatin1String("packer.post-processor.docker-import")
        && from != QLatin1String("packer.post-processor.docker-tag")) {
        out.error = QStringLiteral("Unknown artifact type: %1\nCan only import from docker-import "
                                   "and docker-tag artifacts.")
                        .arg(from);
        return out;
    }
    const build::BuildUi ui = ctx.ui.forComponent(QStringLiteral("docker-push"));
    docker::DockerClient client;
    docker::RegistryAuth auth;
    if (m_settings.login) {
        const docker::RegistryAuth login{
            m_settings.loginServer, m_settings.loginUsername, m_settings.loginPassword};
        if (!login.password.isEmpty())
            ctx.secrets->add(login.password);
        ui.message(QStringLiteral("Logging in..."));
        const QString error = client.login(login, ctx.cancel);
        if (!error.isEmpty()) {
            out.error = QStringLiteral("Error logging in to Docker: %1").arg(error);
            return out;
        }
        ui.message(QStringLiteral("Login Succeeded"));
        auth = login;
    }
    const QStringList tags = input->state(QStringLiteral("docker_tags")).toStringList();
    QStringList names{input->id()};
    names << tags;
    QString error;
    for (const QString &name : names) {
        ui.message(QStringLiteral("Pushing: ") + name);
        error = client.push(
            name, auth, [ui](const QString &line) { ui.message(line); }, nullptr, ctx.cancel);
        if (!error.isEmpty())
            break;
    }
    if (m_settings.login)
        ui.message(QStringLiteral("Logging out..."));
    if (!error.isEmpty()) {
        out.error = QStringLiteral("Error pushing Docker image: %1").arg(error);
        return out;
    }
    QJsonObject image;
    QString digest;
    if (client.inspectImage(input->id(), &image, ctx.cancel).isEmpty())
        digest = image.value(QLatin1String("RepoDigests")).toArray().first().toString();
    if (digest.isEmpty())
        ui.message(
            QStringLiteral("Unable to determine digest for source image, ignoring it for now"));
    QVariantMap generated = input->state(QStringLiteral("generated_data")).toMap();
    generated.insert(QStringLiteral("Digest"), digest);
    const QVariantMap state{
        {QStringLiteral("docker_tags"), tags}, {QStringLiteral("generated_data"), generated}};
    out.artifact = std::make_shared<docker::DockerImageArtifact>(
        QStringLiteral("packer.post-processor.docker-import"), names.first(), client, state);
    out.keep = true;
    return out;
}

} // namespace kiln::components
