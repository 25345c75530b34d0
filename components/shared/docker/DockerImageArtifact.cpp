#include "components/shared/docker/DockerImageArtifact.h"

#include <utility>

namespace kiln::components::docker {

DockerImageArtifact::DockerImageArtifact(
    QString builderId, QString id, DockerClient client, QVariantMap state)
    : m_builderId(std::move(builderId))
    , m_id(std::move(id))
    , m_client(std::move(client))
    , m_state(std::move(state))
{ }

QString DockerImageArtifact::string() const
{
    const QStringList t = tags();
    if (!t.isEmpty())
        return QStringLiteral("Imported Docker image: %1 with tags %2")
            .arg(m_id, t.join(QLatin1Char(' ')));
    return QStringLiteral("Imported Docker image: %1").arg(m_id);
}

QString DockerImageArtifact::destroy()
{
    const QString error = m_client.removeImage(m_id, false, nullptr);
    if (!error.isEmpty())
        return QStringLiteral("Error deleting image: %1").arg(error);
    return {};
}

} // namespace kiln::components::docker
