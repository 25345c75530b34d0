#include "components/postprocessors/checksum/ChecksumPostProcessorSettings.h"

#include "components/shared/FileHashSettings.h"
#include "engine/template/legacy/Interpolator.h"

namespace kiln::components {

using tmpl::legacy::Interpolator;

build::PrepareResult ChecksumPostProcessorSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    interpolation = config.interpolation;
    // An explicit empty list stays empty (nothing is written), as in Packer: only a missing
    // key means md5.
    types = config.has(QStringLiteral("checksum_types"))
        ? config.stringList(QStringLiteral("checksum_types"))
        : QStringList{QStringLiteral("md5")};
    for (const QString &type : std::as_const(types)) {
        if (!FileHashSettings::isSupported(type))
            result.errors << QStringLiteral("Unrecognized checksum type: %1").arg(type);
    }
    output = config.string(QStringLiteral("output"));
    if (output.isEmpty())
        output = QString::fromLatin1(DefaultOutput);
    if (const auto error = Interpolator::validate(output, interpolation))
        result.errors << QStringLiteral("Error parsing target template: %1").arg(error->message);
    return result;
}

} // namespace kiln::components
