#include "components/postprocessors/s3-upload/S3UploadPostProcessor.h"

#include "components/shared/s3/ProgressThrottle.h"
#include "components/shared/s3/RemoteCopyArtifact.h"
#include "components/shared/s3/S3Client.h"
#include "engine/build/BuildContext.h"
#include "engine/build/SecretFilter.h"
#include "engine/template/legacy/Interpolator.h"

#include <QFileInfo>

namespace kiln::components {

using namespace kiln::build;
using tmpl::legacy::Interpolator;

PrepareResult S3UploadPostProcessor::prepare(const ComponentConfig &config)
{
    PrepareResult result;
    m_interpolation = config.interpolation;
    m_bucket = config.string(QStringLiteral("bucket"));
    if (m_bucket.isEmpty())
        result.errors << QStringLiteral("bucket must be set");
    else if (m_bucket.contains(QLatin1Char('/')))
        result.errors
            << QStringLiteral("bucket must be a bucket name, not a path: %1").arg(m_bucket);
    m_keyPrefix = config.string(QStringLiteral("key_prefix"));
    if (const auto error = Interpolator::validate(m_keyPrefix, m_interpolation))
        result.errors
            << QStringLiteral("Error parsing key_prefix template: %1").arg(error->message);
    m_endpoint = config.string(QStringLiteral("endpoint"));
    m_forcePathStyle = config.optionalBoolean(QStringLiteral("force_path_style"));
    m_credentials.region = config.string(QStringLiteral("region"));
    m_credentials.accessKey = config.string(QStringLiteral("access_key"));
    m_credentials.secretKey = config.string(QStringLiteral("secret_key"));
    m_credentials.sessionToken = config.string(QStringLiteral("session_token"));
    m_credentials.profile = config.string(QStringLiteral("profile"));
    m_credentials.sharedCredentialsFile = config.string(QStringLiteral("shared_credentials_file"));
    m_credentials.configFile = config.string(QStringLiteral("config_file"));
    if (m_credentials.accessKey.isEmpty() != m_credentials.secretKey.isEmpty())
        result.errors << QStringLiteral("access_key and secret_key must be set together");
    if (!m_credentials.accessKey.isEmpty() && !m_credentials.profile.isEmpty())
        result.errors << QStringLiteral("profile and access_key cannot both be set");

    m_upload.storageClass = config.string(QStringLiteral("storage_class"));
    m_upload.acl = config.string(QStringLiteral("acl"));
    m_upload.contentType
        = config.string(QStringLiteral("content_type"), QStringLiteral("application/octet-stream"));
    m_upload.sha256Metadata = config.boolean(QStringLiteral("checksum_metadata"), true);
    m_upload.partSize
        = config.integer(QStringLiteral("part_size"), s3::S3UploadOptions::DefaultPartSize);
    if (m_upload.partSize < s3::S3UploadOptions::MinPartSize)
        result.errors << QStringLiteral("part_size must be at least %1 bytes (5 MiB, the smallest "
                                        "part S3 accepts), got %2")
                             .arg(s3::S3UploadOptions::MinPartSize)
                             .arg(m_upload.partSize);
    if (m_upload.partSize > s3::S3UploadOptions::MaxPartSize)
        result.errors << QStringLiteral("part_size must be at most %1 bytes (5 GiB, the largest "
                                        "part S3 accepts), got %2")
                             .arg(QString::number(s3::S3UploadOptions::MaxPartSize),
                                 QString::number(m_upload.partSize));
    m_upload.concurrency = int(config.integer(QStringLiteral("parallel_parts"), 4));
    if (m_upload.concurrency < 1)
        result.errors << QStringLiteral("parallel_parts must be at least 1, got %1")
                             .arg(QString::number(m_upload.concurrency));
    m_maxRetries = int(config.integer(QStringLiteral("max_retries"), 4));
    if (m_maxRetries < 0)
        result.errors << QStringLiteral("max_retries must not be negative");
    QString durationError;
    const auto delay = config.durationMs(QStringLiteral("retry_delay"), 500, &durationError);
    if (!delay)
        result.errors << QStringLiteral("retry_delay: %1").arg(durationError);
    else
        m_retryDelayMs = *delay;

    if (!m_endpoint.isEmpty()) {
        QString error;
        if (!s3::S3Location::make(
                m_bucket, QStringLiteral("us-east-1"), m_endpoint, m_forcePathStyle, &error))
            result.errors << error;
    }
    return result;
}

QString S3UploadPostProcessor::renderPrefix(
    BuildContext &ctx, const ArtifactPtr &input, QString *error) const
{
    QVariantMap data
        = input ? input->state(QStringLiteral("generated_data")).toMap() : QVariantMap();
    data.insert(QStringLiteral("BuildName"),
        ctx.sourceName.isEmpty() ? m_interpolation.buildName : ctx.sourceName);
    data.insert(QStringLiteral("BuilderType"),
        ctx.builderType.isEmpty() ? m_interpolation.buildType : ctx.builderType);
    tmpl::legacy::InterpolateContext interpolation = m_interpolation;
    interpolation.data = data;
    const Interpolator::Result rendered = Interpolator::render(m_keyPrefix, interpolation);
    if (!rendered.ok()) {
        *error = QStringLiteral("Error rendering key_prefix: %1").arg(rendered.error->message);
        return {};
    }
    return rendered.value;
}

PostProcessResult S3UploadPostProcessor::postProcess(BuildContext &ctx, const ArtifactPtr &input)
{
    PostProcessResult out;
    const BuildUi ui = ctx.ui.forComponent(QStringLiteral("s3-upload"));
    const QStringList files = input ? input->files() : QStringList();

    const auto env = s3::AwsCredentialChain::processEnvironment();
    QString error;
    const s3::AwsCredentials creds = s3::AwsCredentialChain::resolve(m_credentials, env, &error);
    if (!creds.isValid()) {
        out.error = QStringLiteral("s3-upload: %1").arg(error);
        return out;
    }
    if (ctx.secrets) {
        ctx.secrets->add(creds.secretAccessKey);
        if (!creds.sessionToken.isEmpty())
            ctx.secrets->add(creds.sessionToken);
    }
    const QString region = s3::AwsCredentialChain::resolveRegion(m_credentials, env);
    const auto location
        = s3::S3Location::make(m_bucket, region, m_endpoint, m_forcePathStyle, &error);
    if (!location) {
        out.error = QStringLiteral("s3-upload: %1").arg(error);
        return out;
    }
    const QString prefix = renderPrefix(ctx, input, &error);
    if (!error.isEmpty()) {
        out.error = error;
        return out;
    }

    s3::S3Client client(*location, creds);
    client.setRetries(m_maxRetries, m_retryDelayMs);
    client.setLog([&ui](const QString &line) { ui.message(line); });
    s3::S3FileUploader uploader(client, m_upload);
    ui.say(QStringLiteral("Uploading %1 file(s) to s3://%2/%3 (region %4, credentials from %5)")
               .arg(QString::number(files.size()), m_bucket, prefix, region, creds.source));

    QStringList urls;
    for (const QString &file : files) {
        const QString key = prefix + QFileInfo(file).fileName();
        const QString url = location->s3Url(key);
        const qint64 size = QFileInfo(file).size();
        ui.message(QStringLiteral("Uploading %1 to %2 (%3 bytes)...")
                       .arg(file, url, QString::number(size)));
        ProgressThrottle hashing, uploading;
        const s3::S3FileUploader::Outcome outcome = uploader.upload(
            file, key,
            [&](const QString &phase, qint64 done, qint64 total) {
                ProgressThrottle &throttle
                    = phase == QLatin1String("hashing") ? hashing : uploading;
                if (throttle.pass(done, total))
                    ui.progress(QStringLiteral("%1 %2").arg(phase, file), done, total);
            },
            ctx.cancel);
        if (!outcome.uploadId.isEmpty() && !outcome.error.isEmpty()) {
            if (outcome.aborted)
                ui.message(
                    QStringLiteral("Aborted multipart upload %1 of %2").arg(outcome.uploadId, url));
            else
                ui.error(QStringLiteral("Could not abort multipart upload %1 of %2: %3")
                             .arg(outcome.uploadId, url, outcome.abortError));
        }
        if (outcome.cancelled) {
            out.error = QStringLiteral("s3-upload: upload of %1 cancelled").arg(file);
            return out;
        }
        if (!outcome.error.isEmpty()) {
            out.error
                = QStringLiteral("s3-upload: uploading %1 to %2: %3").arg(file, url, outcome.error);
            return out;
        }
        ui.message(outcome.parts > 0
                ? QStringLiteral("Uploaded %1 in %2 parts").arg(url, QString::number(outcome.parts))
                : QStringLiteral("Uploaded %1").arg(url));
        urls << url;
    }

    out.artifact = std::make_shared<RemoteCopyArtifact>(
        QString::fromLatin1(BuilderId), urls, files, QStringLiteral("Uploaded to S3"));
    out.keep = true;
    return out;
}

} // namespace kiln::components
