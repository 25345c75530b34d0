#pragma once

#include "components/builders/qemu/QemuBuildState.h"
#include "engine/build/Step.h"
#include "engine/build/StepConnect.h"

#include <memory>

namespace kiln::components {

// The engine's StepConnect, made when the step runs: the SSH port is the host port the
// port-forward step picked (or the guest's own with skip_nat_mapping), on 127.0.0.1.
// Packer's communicator.StepConnect with commHost/commPort.
class StepQemuConnect : public build::Step
{
public:
    explicit StepQemuConnect(QemuBuildState &state)
        : m_state(state)
    {
    }
    QString name() const override { return QStringLiteral("StepConnect"); }
    build::StepAction run(build::BuildContext &ctx) override;
    void cleanup(build::BuildContext &ctx) override;

private:
    QemuBuildState &m_state;
    std::unique_ptr<build::StepConnect> m_connect;
};

} // namespace kiln::components
