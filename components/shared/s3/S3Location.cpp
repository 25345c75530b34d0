#include "components/shared/s3/S3Location.h"

#include "components/shared/s3/S3EndpointSettings.h"

namespace kiln::components::s3 {

namespace {

QByteArray encode(const QString &text, bool keepSlash)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto b = static_cast<unsigned char>(c);
        const bool unreserved = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z')
            || (b >= '0' && b <= '9') || b == '-' || b == '_' || b == '.' || b == '~';
        if (unreserved || (keepSlash && b == '/')) {
            out += char(b);
        } else {
            out += '%';
            out += hex[b >> 4];
            out += hex[b & 15];
        }
    }
    return out;
}

} // namespace

std::optional<S3Location> S3Location::make(const QString &bucket, const QString &region,
    const QString &endpoint, std::optional<bool> forcePathStyle, QString *error)
{
    const std::optional<S3EndpointSettings> where
        = S3EndpointSettings::resolve(bucket, region, endpoint, forcePathStyle, error);
    if (!where)
        return std::nullopt;
    S3Location loc;
    loc.scheme = where->scheme;
    loc.host = where->host;
    loc.bucket = bucket;
    loc.region = region;
    loc.pathStyle = where->pathStyle;
    return loc;
}

QByteArray S3Location::url(const QString &key, const QByteArray &query) const
{
    QByteArray out = scheme.toLatin1() + "://";
    if (pathStyle)
        out += host.toUtf8() + '/' + encodeKey(bucket);
    else
        out += encodeKey(bucket) + '.' + host.toUtf8();
    out += '/' + encodeKey(key);
    if (!query.isEmpty())
        out += '?' + query;
    return out;
}

QString S3Location::s3Url(const QString &key) const
{
    return QStringLiteral("s3://%1/%2").arg(bucket, key);
}

QByteArray S3Location::encodeKey(const QString &key)
{
    return encode(key, true);
}

QByteArray S3Location::encodeQueryValue(const QString &value)
{
    return encode(value, false);
}

} // namespace kiln::components::s3
