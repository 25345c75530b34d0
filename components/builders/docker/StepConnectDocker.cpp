#include "components/builders/docker/StepConnectDocker.h"

#include "engine/build/BuildContext.h"

namespace kiln::components {

QString StepConnectDocker::containerAddress(const QJsonObject &inspect)
{
    const QJsonObject settings = inspect.value(QLatin1String("NetworkSettings")).toObject();
    QString ip = settings.value(QLatin1String("IPAddress")).toString();
    if (!ip.isEmpty())
        return ip;
    // User-defined networks (--network) leave the top-level address empty.
    const QJsonObject networks = settings.value(QLatin1String("Networks")).toObject();
    for (auto it = networks.begin(); it != networks.end(); ++it) {
        ip = it.value().toObject().value(QLatin1String("IPAddress")).toString();
        if (!ip.isEmpty())
            return ip;
    }
    return {};
}

build::StepAction StepConnectDocker::run(build::BuildContext &ctx)
{
    QJsonObject inspect;
    const QString error
        = m_state.client.inspectContainer(m_state.containerId, &inspect, ctx.cancel);
    if (!error.isEmpty()) {
        const QString message = QStringLiteral("Failed to inspect the container: %1").arg(error);
        ctx.ui.error(message);
        ctx.fail(message);
        return build::StepAction::Halt;
    }
    const QString host = containerAddress(inspect);
    ctx.ui.say(QStringLiteral("Using docker communicator to connect: %1").arg(host));
    docker::DockerCommunicator::Options o;
    o.containerId = m_state.containerId;
    o.hostDir = m_state.tempDir;
    o.containerDir = m_state.settings.containerDir;
    o.execUser = m_state.settings.execUser;
    o.containerUser = inspect.value(QLatin1String("Config"))
                          .toObject()
                          .value(QLatin1String("User"))
                          .toString()
                          .trimmed();
    o.fixUploadOwner = m_state.settings.fixUploadOwner;
    o.pty = m_state.settings.pty;
    m_comm = std::make_unique<docker::DockerCommunicator>(m_state.client, o);
    ctx.state.put<comm::Communicator *>(QStringLiteral("communicator"), m_comm.get());
    ctx.generatedData.insert(QStringLiteral("ConnType"), QStringLiteral("docker"));
    ctx.generatedData.insert(QStringLiteral("Host"), host);
    return build::StepAction::Continue;
}

void StepConnectDocker::cleanup(build::BuildContext &ctx)
{
    ctx.state.remove(QStringLiteral("communicator"));
    m_comm.reset();
}

} // namespace kiln::components
