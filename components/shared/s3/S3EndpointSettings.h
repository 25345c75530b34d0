#pragma once

#include <QString>
#include <optional>

namespace kiln::components::s3 {

// Where a bucket's requests go and how their URLs are spelled, from a template's endpoint
// and force_path_style: checked when the configuration is read, turned into an S3Location
// when a build runs.
struct S3EndpointSettings
{
    QString scheme; // "https" or "http"
    QString host; // host[:port] requests go to
    bool pathStyle = false;

    // `endpoint` empty means AWS in `region`. `forcePathStyle` unset: path style for a
    // custom endpoint, virtual-hosted for AWS (and path style for bucket names with dots,
    // which no wildcard certificate covers). Nothing, with *error, for a malformed endpoint.
    static std::optional<S3EndpointSettings> resolve(const QString &bucket, const QString &region,
        const QString &endpoint, std::optional<bool> forcePathStyle, QString *error);
};

} // namespace kiln::components::s3
