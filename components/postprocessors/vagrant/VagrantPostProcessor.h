#pragma once

#include "components/postprocessors/vagrant/VagrantSettings.h"
#include "engine/build/BuildUi.h"
#include "engine/build/PostProcessor.h"

namespace kiln::components {

struct VagrantProviderOutput;

// Packer's vagrant post-processor for the artifacts Kiln's builders make: a libvirt box from
// the qemu builder (its disk as box.img) and a docker box from a committed/imported/tagged/
// pushed image. The box is a gzipped tar of metadata.json, the Vagrantfile (Packer's
// provider part plus the rendered vagrantfile_template) and the `include` files, written
// straight from the artifact's disk without an intermediate copy.
class VagrantPostProcessor : public build::PostProcessor
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::PostProcessResult postProcess(
        build::BuildContext &ctx, const build::ArtifactPtr &input) override;

    static constexpr const char *BuilderId = "mitchellh.post-processor.vagrant";

private:
    // The settings for one provider: the block's, with its `override` entry applied.
    QString specificSettings(const QString &provider, VagrantSettings *settings) const;
    QString createBox(build::BuildContext &ctx, const QString &provider,
        const build::Artifact &input, QString *target);
    QString checkHostCanWriteBoxes(const build::BuildUi &ui, int level) const;

    VagrantSettings m_settings;
};

} // namespace kiln::components
