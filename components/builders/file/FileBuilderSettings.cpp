#include "components/builders/file/FileBuilderSettings.h"

namespace kiln::components {

build::PrepareResult FileBuilderSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    source = config.string(QStringLiteral("source"));
    target = config.string(QStringLiteral("target"));
    content = config.string(QStringLiteral("content"));
    if (target.isEmpty())
        result.errors << QStringLiteral("target required");
    if (content.isEmpty() && source.isEmpty())
        result.warnings << QStringLiteral(
            "Both source file and contents are blank; target will have no content");
    if (!content.isEmpty() && !source.isEmpty())
        result.errors << QStringLiteral("Cannot specify source file AND content");
    return result;
}

} // namespace kiln::components
