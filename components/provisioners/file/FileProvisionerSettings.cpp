#include "components/provisioners/file/FileProvisionerSettings.h"

#include "components/shared/LocalFileSettings.h"

namespace kiln::components {

build::PrepareResult FileProvisionerSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    this->config = config;
    content = config.string(QStringLiteral("content"));
    sources = config.stringList(QStringLiteral("sources"));
    destination = config.string(QStringLiteral("destination"));
    direction = config.string(QStringLiteral("direction"));
    generated = config.boolean(QStringLiteral("generated"));
    if (direction.isEmpty())
        direction = QStringLiteral("upload");

    if (direction != QLatin1String("download") && direction != QLatin1String("upload"))
        result.errors << QStringLiteral("Direction must be one of: download, upload.");
    const QString source = config.string(QStringLiteral("source"));
    if (!source.isEmpty())
        sources << source;
    // `generated` sources appear during the build; the others must exist when validated.
    if (direction == QLatin1String("upload") && !generated) {
        for (const QString &src : std::as_const(sources)) {
            const QString error = LocalFileSettings::statError(src);
            if (!error.isEmpty())
                result.errors << QStringLiteral("Bad source '%1': %2").arg(src, error);
        }
    }
    if (!sources.isEmpty() && !content.isEmpty())
        result.errors << QStringLiteral("source(s) conflicts with content.");
    if (destination.isEmpty())
        result.errors << QStringLiteral("Destination must be specified.");
    return result;
}

} // namespace kiln::components
