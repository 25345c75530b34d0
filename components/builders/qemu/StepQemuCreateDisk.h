#pragma once

#include "components/builders/qemu/QemuBuildState.h"
#include "engine/build/Step.h"

namespace kiln::components {

// Makes the VM's disks (Packer's stepCreateDisk, stepCopyDisk and stepResizeDisk): an empty
// disk for an ISO install, a converted copy (or a backing-file overlay) of a disk image,
// grown to disk_size, plus disk_additional_size disks.
class StepQemuCreateDisk : public build::Step
{
public:
    explicit StepQemuCreateDisk(QemuBuildState &state)
        : m_state(state)
    {
    }
    QString name() const override { return QStringLiteral("StepQemuCreateDisk"); }
    build::StepAction run(build::BuildContext &ctx) override;

private:
    QemuBuildState &m_state;
    QString copyDisk(build::BuildContext &ctx);
};

} // namespace kiln::components
