#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace kiln::components::s3 {

// Where a bucket's objects live and how their URLs are spelled: virtual-hosted style
// (https://BUCKET.s3.REGION.amazonaws.com/KEY) on AWS, path style (ENDPOINT/BUCKET/KEY) for
// custom endpoints (MinIO, Ceph, s3rver) and wherever force_path_style says so.
struct S3Location
{
    QString scheme; // "https" or "http"
    QString host; // host[:port] requests go to
    QString bucket;
    QString region;
    bool pathStyle = false;

    // The location of `bucket` at `endpoint` (S3EndpointSettings::resolve says how); nothing,
    // with *error, for a malformed endpoint.
    static std::optional<S3Location> make(const QString &bucket, const QString &region,
        const QString &endpoint, std::optional<bool> forcePathStyle, QString *error);

    // The request URL for `key` ("" for the bucket) with an already canonical `query`
    // (sorted, encoded: libcurl 7.88 signs the query exactly as given).
    QByteArray url(const QString &key, const QByteArray &query = {}) const;
    // s3://bucket/key, the artifact's name for an object.
    QString s3Url(const QString &key) const;

    // S3's URI encoding of an object key: every byte but A-Z a-z 0-9 - _ . ~ and '/' as %XX.
    static QByteArray encodeKey(const QString &key);
    // The same for a query value ('/' encoded too).
    static QByteArray encodeQueryValue(const QString &value);
};

} // namespace kiln::components::s3
