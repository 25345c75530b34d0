#pragma once

#include "components/builders/qemu/QemuBuildState.h"
#include "engine/build/Step.h"

namespace kiln::components {

// Compacts (and with disk_compression compresses) the qcow2 image with qemu-img convert
// (Packer's stepConvertDisk).
class StepQemuConvertDisk : public build::Step
{
public:
    explicit StepQemuConvertDisk(QemuBuildState &state)
        : m_state(state)
    {
    }
    QString name() const override { return QStringLiteral("StepQemuConvertDisk"); }
    build::StepAction run(build::BuildContext &ctx) override;

private:
    QemuBuildState &m_state;
};

} // namespace kiln::components
