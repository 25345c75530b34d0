#pragma once

#include "components/shared/qemu/QemuSettings.h"
#include "engine/build/Builder.h"

namespace kiln::components {

// Packer's qemu builder: boots an ISO (or an existing disk image) in QEMU, types the boot
// command, waits for SSH, provisions, shuts the machine down and leaves the disk image in
// the output directory.
class QemuBuilder : public build::Builder
{
public:
    static constexpr const char *builderId = "transcend.qemu";

    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::ArtifactPtr run(build::BuildContext &ctx) override;

private:
    QemuSettings m_settings;
};

} // namespace kiln::components
