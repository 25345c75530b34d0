#include "components/postprocessors/s3-upload/S3UploadPostProcessorSettings.h"

#include "components/shared/s3/S3EndpointSettings.h"
#include "engine/template/legacy/Interpolator.h"

namespace kiln::components {

using tmpl::legacy::Interpolator;

build::PrepareResult S3UploadPostProcessorSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    interpolation = config.interpolation;
    bucket = config.string(QStringLiteral("bucket"));
    if (bucket.isEmpty())
        result.errors << QStringLiteral("bucket must be set");
    else if (bucket.contains(QLatin1Char('/')))
        result.errors << QStringLiteral("bucket must be a bucket name, not a path: %1").arg(bucket);
    keyPrefix = config.string(QStringLiteral("key_prefix"));
    if (const auto error = Interpolator::validate(keyPrefix, interpolation))
        result.errors
            << QStringLiteral("Error parsing key_prefix template: %1").arg(error->message);
    endpoint = config.string(QStringLiteral("endpoint"));
    forcePathStyle = config.optionalBoolean(QStringLiteral("force_path_style"));
    credentials.region = config.string(QStringLiteral("region"));
    credentials.accessKey = config.string(QStringLiteral("access_key"));
    credentials.secretKey = config.string(QStringLiteral("secret_key"));
    credentials.sessionToken = config.string(QStringLiteral("session_token"));
    credentials.profile = config.string(QStringLiteral("profile"));
    credentials.sharedCredentialsFile = config.string(QStringLiteral("shared_credentials_file"));
    credentials.configFile = config.string(QStringLiteral("config_file"));
    if (credentials.accessKey.isEmpty() != credentials.secretKey.isEmpty())
        result.errors << QStringLiteral("access_key and secret_key must be set together");
    if (!credentials.accessKey.isEmpty() && !credentials.profile.isEmpty())
        result.errors << QStringLiteral("profile and access_key cannot both be set");

    upload.storageClass = config.string(QStringLiteral("storage_class"));
    upload.acl = config.string(QStringLiteral("acl"));
    upload.contentType
        = config.string(QStringLiteral("content_type"), QStringLiteral("application/octet-stream"));
    upload.sha256Metadata = config.boolean(QStringLiteral("checksum_metadata"), true);
    upload.partSize
        = config.integer(QStringLiteral("part_size"), s3::S3UploadSettings::DefaultPartSize);
    if (upload.partSize < s3::S3UploadSettings::MinPartSize)
        result.errors << QStringLiteral("part_size must be at least %1 bytes (5 MiB, the smallest "
                                        "part S3 accepts), got %2")
                             .arg(s3::S3UploadSettings::MinPartSize)
                             .arg(upload.partSize);
    if (upload.partSize > s3::S3UploadSettings::MaxPartSize)
        result.errors << QStringLiteral("part_size must be at most %1 bytes (5 GiB, the largest "
                                        "part S3 accepts), got %2")
                             .arg(QString::number(s3::S3UploadSettings::MaxPartSize),
                                 QString::number(upload.partSize));
    upload.concurrency = int(config.integer(QStringLiteral("parallel_parts"), 4));
    if (upload.concurrency < 1)
        result.errors << QStringLiteral("parallel_parts must be at least 1, got %1")
                             .arg(QString::number(upload.concurrency));
    maxRetries = int(config.integer(QStringLiteral("max_retries"), 4));
    if (maxRetries < 0)
        result.errors << QStringLiteral("max_retries must not be negative");
    QString durationError;
    const auto delay = config.durationMs(QStringLiteral("retry_delay"), 500, &durationError);
    if (!delay)
        result.errors << QStringLiteral("retry_delay: %1").arg(durationError);
    else
        retryDelayMs = *delay;

    if (!endpoint.isEmpty()) {
        QString error;
        if (!s3::S3EndpointSettings::resolve(
                bucket, QStringLiteral("us-east-1"), endpoint, forcePathStyle, &error))
            result.errors << error;
    }
    return result;
}

} // namespace kiln::components
