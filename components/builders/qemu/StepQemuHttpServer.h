#pragma once

#include "components/builders/qemu/QemuBuildState.h"
#include "engine/build/Step.h"
#include "components/shared/qemu/StaticHttpServer.h"

namespace kiln::components {

// Finds the address the guest reaches the host on (user networking: 10.0.2.2) and serves
// http_directory / http_content there (Packer's stepHTTPIPDiscover + StepHTTPServer).
class StepQemuHttpServer : public build::Step
{
public:
    explicit StepQemuHttpServer(QemuBuildState &state)
        : m_state(state)
    {
    }
    QString name() const override { return QStringLiteral("StepQemuHttpServer"); }
    build::StepAction run(build::BuildContext &ctx) override;
    void cleanup(build::BuildContext &ctx) override;
private:
    QemuBuildState &m_state;
    StaticHttpServer m_server;
};

} // namespace kiln::components
