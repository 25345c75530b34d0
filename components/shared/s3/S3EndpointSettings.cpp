#include "components/shared/s3/S3EndpointSettings.h"

#include <QUrl>

namespace kiln::components::s3 {

std::optional<S3EndpointSettings> S3EndpointSettings::resolve(const QString &bucket,
    const QString &region, const QString &endpoint, std::optional<bool> forcePathStyle,
    QString *error)
{
    S3EndpointSettings where;
    if (endpoint.isEmpty()) {
        where.scheme = QStringLiteral("https");
        where.host = QStringLiteral("s3.%1.amazonaws.com").arg(region);
        where.pathStyle = forcePathStyle.value_or(bucket.contains(QLatin1Char('.')));
    } else {
        const QString withScheme = endpoint.contains(QLatin1String("://"))
            ? endpoint
            : QStringLiteral("https://") + endpoint;
        const QUrl url(withScheme, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || (!url.path().isEmpty() && url.path() != QLatin1String("/"))) {
            *error
                = QStringLiteral("endpoint %1 is not an http(s) URL without a path").arg(endpoint);
            return std::nullopt;
        }
        where.scheme = url.scheme();
        where.host = url.port() > 0
            ? QStringLiteral("%1:%2").arg(url.host(), QString::number(url.port()))
            : url.host();
        where.pathStyle = forcePathStyle.value_or(true);
    }
    return where;
}

} // namespace kiln::components::s3
