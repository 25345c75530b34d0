#include "components/datasources/null/NullDataSourceSettings.h"

namespace kiln::components {

build::PrepareResult NullDataSourceSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    input = config.string(QStringLiteral("input"));
    if (input.isEmpty())
        result.errors << QStringLiteral("The `input` must be specified");
    return result;
}

} // namespace kiln::components
