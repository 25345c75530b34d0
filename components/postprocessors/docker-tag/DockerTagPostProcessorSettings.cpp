#include "components/postprocessors/docker-tag/DockerTagPostProcessorSettings.h"

namespace kiln::components {

build::PrepareResult DockerTagPostProcessorSettings::read(const build::ComponentConfig &config)
{
    repository = config.string(QStringLiteral("repository"));
    const QStringList deprecated = config.stringList(QStringLiteral("tag"));
    deprecatedTag = !deprecated.isEmpty();
    tags = config.stringList(QStringLiteral("tags")) + deprecated;
    // `force` only mattered to docker CLIs before 1.12; the Engine API always moves a tag.
    return {};
}

} // namespace kiln::components
