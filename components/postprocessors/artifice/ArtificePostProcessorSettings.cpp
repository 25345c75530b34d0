#include "components/postprocessors/artifice/ArtificePostProcessorSettings.h"

namespace kiln::components {

build::PrepareResult ArtificePostProcessorSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    files = config.stringList(QStringLiteral("files"));
    if (files.isEmpty())
        result.errors << QStringLiteral("No files specified in artifice configuration");
    return result;
}

} // namespace kiln::components
