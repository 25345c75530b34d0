#include "components/builders/docker/DockerBuildState.h"
#include "components/builders/docker/DockerBuilder.h"
#include "components/builders/docker/StepBuildImage.h"
#include "components/builders/docker/StepCommit.h"
#include "components/builders/docker/StepConnectDocker.h"
#include "components/builders/docker/StepExport.h"
#include "components/builders/docker/StepPull.h"
#include "components/builders/docker/StepRunContainer.h"
#include "components/builders/docker/StepSetDefaults.h"
#include "components/builders/docker/StepTempDir.h"
#include "components/shared/docker/DockerImageArtifact.h"
#include "engine/build/BuildContext.h"
#include "engine/build/SecretFilter.h"
#include "engine/build/StepConnect.h"
#include "engine/build/StepProvision.h"
#include "engine/build/StepRunner.h"

namespace kiln::components {

build::PrepareResult DockerBuilder::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

build::ArtifactPtr DockerBuilder::run(build::BuildContext &ctx)
{
    DockerBuildState state{m_settings, docker::DockerClient(), {}, {}, {}};
    QString version;
    const QString error = state.client.version(&version, ctx.cancel);
    if (!error.isEmpty()) {
        ctx.fail(error);
        return nullptr;
    }
    if (!m_settings.loginPassword.isEmpty())
        ctx.secrets->add(m_settings.loginPassword);

    // Packer's StepDefaultGeneratedData.
    ctx.generatedData.insert(
        QStringLiteral("ImageSha256"), QStringLiteral("ERR_IMAGE_SHA256_NOT_FOUND"));
    ctx.generatedData.insert(
        QStringLiteral("SourceImageDigest"), QStringLiteral("ERR_SOURCE_IMAGE_DIGEST_NOT_FOUND"));
    ctx.generatedData.insert(
        QStringLiteral("SourceImageSha256"), QStringLiteral("ERR_SOURCE_IMAGE_SHA256_NOT_FOUND"));

    QList<std::shared_ptr<build::Step>> steps{
        std::make_shared<StepTempDir>(state),
        std::make_shared<StepBuildImage>(state),
        std::make_shared<StepPull>(state),
        std::make_shared<StepRunContainer>(state),
    };
    if (m_settings.communicator == QLatin1String("docker")) {
        steps << std::make_shared<StepConnectDocker>(state);
    } else {
        // ssh into the container at its bridge address, or no communicator at all.
        steps << std::make_shared<build::StepConnect>(m_settings.communicator, m_settings.ssh,
            m_settings.pauseBeforeConnectMs, [&state](build::BuildContext &c) {
                if (!state.settings.ssh.host.isEmpty())
                    return state.settings.ssh.host;
                QJsonObject inspect;
                state.client.inspectContainer(state.containerId, &inspect, c.cancel);
                return StepConnectDocker::containerAddress(inspect);
            });
    }
    steps << std::make_shared<build::StepProvision>();
    if (m_settings.commit)
        steps << std::make_shared<StepSetDefaults>(state) << std::make_shared<StepCommit>(state);
    else if (!m_settings.exportPath.isEmpty())
        steps << std::make_shared<StepExport>(state);

    build::StepRunner runner(steps);
    if (!runner.run(ctx))
        return nullptr;

    const QVariantMap stateData{{QStringLiteral("generated_data"), ctx.generatedData}};
    if (m_settings.commit)
        return std::make_shared<docker::DockerImageArtifact>(
            QString::fromLatin1(importBuilderId), state.imageId, state.client, stateData);
    // Packer's ExportArtifact, also for discard (with an empty path).
    const QStringList files
        = m_settings.exportPath.isEmpty() ? QStringList() : QStringList{m_settings.exportPath};
    return std::make_shared<build::FileArtifact>(QString::fromLatin1(builderId), files,
        QStringLiteral("Container"),
        QStringLiteral("Exported Docker file: %1").arg(m_settings.exportPath), stateData);
}

} // namespace kiln::components
