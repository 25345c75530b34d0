#pragma once

#include "components/builders/null/NullBuilderSettings.h"
#include "engine/build/Builder.h"

namespace kiln::components {

// Packer's null builder: creates nothing, connects to an existing machine (or to nothing
// with `communicator = "none"`) and runs the provisioners there. Useful to test
// provisioners and to configure machines that already exist.
class NullBuilder : public build::Builder
{
public:
    static constexpr const char *builderId = "fnoeding.null";

    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::ArtifactPtr run(build::BuildContext &ctx) override;

private:
    NullBuilderSettings m_settings;
};

} // namespace kiln::components
