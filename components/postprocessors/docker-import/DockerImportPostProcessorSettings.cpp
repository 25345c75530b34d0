#include "components/postprocessors/docker-import/DockerImportPostProcessorSettings.h"

namespace kiln::components {

build::PrepareResult DockerImportPostProcessorSettings::read(const build::ComponentConfig &config)
{
    repository = config.string(QStringLiteral("repository"));
    tag = config.string(QStringLiteral("tag"));
    changes = config.stringList(QStringLiteral("changes"));
    platform = config.string(QStringLiteral("platform"));
    return {};
}

} // namespace kiln::components
