#include "components/postprocessors/manifest/ManifestPostProcessorSettings.h"

#include "engine/template/legacy/Interpolator.h"

namespace kiln::components {

using tmpl::legacy::Interpolator;

build::PrepareResult ManifestPostProcessorSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    interpolation = config.interpolation;
    output = config.string(QStringLiteral("output"));
    if (output.isEmpty())
        output = QStringLiteral("packer-manifest.json");
    stripPath = config.boolean(QStringLiteral("strip_path"));
    stripTime = config.boolean(QStringLiteral("strip_time"));
    hasCustomData = config.has(QStringLiteral("custom_data"));
    customData = config.stringMap(QStringLiteral("custom_data"));
    if (const auto error = Interpolator::validate(output, interpolation))
        result.errors << QStringLiteral("Error parsing target template: %1").arg(error->message);
    return result;
}

} // namespace kiln::components
