#pragma once

#include "components/builders/docker/DockerBuildState.h"
#include "components/shared/docker/DockerCommunicator.h"
#include "engine/build/Step.h"

#include <memory>

namespace kiln::components {

// Opens the docker communicator on the running container (Packer's StepConnectDocker
// behind communicator.StepConnect): reads the container's user for fix_upload_owner and
// its address for "Using docker communicator to connect: ...".
class StepConnectDocker : public build::Step
{
public:
    explicit StepConnectDocker(DockerBuildState &state)
        : m_state(state)
    { }
    QString name() const override { return QStringLiteral("StepConnect"); }
    build::StepAction run(build::BuildContext &ctx) override;
    void cleanup(build::BuildContext &ctx) override;

    // The container's IP address on its first network ("" when it has none).
    static QString containerAddress(const QJsonObject &inspect);

private:
    DockerBuildState &m_state;
    std::unique_ptr<docker::DockerCommunicator> m_comm;
};

} // namespace kiln::components
