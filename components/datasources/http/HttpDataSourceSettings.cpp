#include "components/datasources/http/HttpDataSourceSettings.h"

namespace kiln::components {

namespace {

const QStringList allowedMethods
    = {QStringLiteral("HEAD"), QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
        QStringLiteral("DELETE"), QStringLiteral("OPTIONS"), QStringLiteral("PATCH")};

} // namespace

build::PrepareResult HttpDataSourceSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    url = config.string(QStringLiteral("url"));
    method = config.string(QStringLiteral("method"));
    headers = config.stringMap(QStringLiteral("request_headers"));
    body = config.string(QStringLiteral("request_body"));

    if (url.isEmpty())
        result.errors << QStringLiteral("the `url` must be specified");
    if (method.isEmpty())
        method = QStringLiteral("GET");
    if (!allowedMethods.contains(method))
        result.errors << QStringLiteral("the `method` must be one of [%1]")
                             .arg(allowedMethods.join(QLatin1Char(' ')));
    return result;
}

} // namespace kiln::components
