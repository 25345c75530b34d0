#pragma once

#include "components/shared/docker/DockerClient.h"
#include "engine/build/Artifact.h"

#include <QVariantMap>

namespace kiln::components::docker {

// An image in the daemon (Packer's docker.ImportArtifact): what a committing docker build,
// docker-import, docker-tag and docker-push produce. Its id is the image id or the
// repository it was tagged/pushed as; state carries "docker_tags" and "generated_data";
// destroy() removes the image.
class DockerImageArtifact : public build::Artifact
{
public:
    DockerImageArtifact(QString builderId, QString id, DockerClient client, QVariantMap state = {});

    QString builderId() const override { return m_builderId; }
    QString id() const override { return m_id; }
    QStringList files() const override { return {}; }
    QString string() const override;
    QVariant state(const QString &name) const override { return m_state.value(name); }
    QString destroy() override;

    QStringList tags() const { return m_state.value(QStringLiteral("docker_tags")).toStringList(); }

private:
    QString m_builderId;
    QString m_id;
    DockerClient m_client;
    QVariantMap m_state;
};

} // namespace kiln::components::docker
