#pragma once

#include "components/postprocessors/image-convert/ImageConvertSettings.h"
#include "engine/build/PostProcessor.h"

namespace kiln::components {

// Kiln's image-convert post-processor: turns the qcow2 or raw disk of an artifact (the qemu
// builder's, or any file artifact holding one disk image) into the disk formats of other
// hypervisors with `qemu-img convert`: VMware vmdk (streamOptimized, with an OVF descriptor,
// manifest and OVA), Hyper-V vhdx, VirtualBox vdi, raw and qcow2. It converts the disk only;
// it installs no guest drivers or tools and writes no hypervisor configuration beyond the OVF.
//
// All outputs go into a fresh output directory, which is removed again when any conversion
// fails or the build is cancelled, so a failed run leaves nothing behind.
class ImageConvertPostProcessor : public build::PostProcessor
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::PostProcessResult postProcess(
        build::BuildContext &ctx, const build::ArtifactPtr &input) override;

    static constexpr const char *BuilderId = "kiln.post-processor.image-convert";

    // The disk image among an artifact's files: the qemu builder's disk (state "diskName"),
    // else the only file, else the only file named *.qcow2, *.raw or *.img.
    static QString selectDisk(const build::Artifact &input, QString *error);

private:
    QString convertAll(
        build::BuildContext &ctx, const QString &disk, const QString &dir, QStringList *files);

    ImageConvertSettings m_settings;
};

} // namespace kiln::components
