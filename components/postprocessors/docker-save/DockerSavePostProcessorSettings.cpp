#include "components/postprocessors/docker-save/DockerSavePostProcessorSettings.h"

namespace kiln::components {

build::PrepareResult DockerSavePostProcessorSettings::read(const build::ComponentConfig &config)
{
    path = config.string(QStringLiteral("path"));
    return {};
}

} // namespace kiln::components
