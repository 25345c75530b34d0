#include "components/postprocessors/s3-upload/S3UploadPostProcessor.h"

#include "components/shared/s3/AwsCredentials.h"
#include "components/shared/s3/ProgressThrottle.h"
#include "components/shared/s3/RemoteCopyArtifact.h"
#include "components/shared/s3/S3Client.h"
#include "components/shared/s3/S3FileUploader.h"
#include "engine/build/BuildContext.h"
#include "engine/build/SecretFilter.h"
#include "engine/template/legacy/Interpolator.h"

#include <QFileInfo>

namespace kiln::components {

using namespace kiln::build;
using tmpl::legacy::Interpolator;

PrepareResult S3UploadPostProcessor::prepare(const ComponentConfig &config)
{
    return m_settings.read(config);
}

QString S3UploadPostProcessor::renderPrefix(
    BuildContext &ctx, const ArtifactPtr &input, QString *error) const
{
    QVariantMap data
        = input ? input->state(QStringLiteral("generated_data")).toMap() : QVariantMap();
    data.insert(QStringLiteral("BuildName"),
        ctx.sourceName.isEmpty() ? m_settings.interpolation.buildName : ctx.sourceName);
    data.insert(QStringLiteral("BuilderType"),
        ctx.builderType.isEmpty() ? m_settings.interpolation.buildType : ctx.builderType);
    tmpl::legacy::InterpolateContext interpolation = m_settings.interpolation;
    interpolation.data = data;
    const Interpolator::Result rendered = Interpolator::render(m_settings.keyPrefix, interpolation);
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
    const s3::AwsCredentials creds
        = s3::AwsCredentialChain::resolve(m_settings.credentials, env, &error);
    if (!creds.isValid()) {
        out.error = QStringLiteral("s3-upload: %1").arg(error);
        return out;
    }
    if (ctx.secrets) {
        ctx.secrets->add(creds.secretAccessKey);
        if (!creds.sessionToken.isEmpty())
            ctx.secrets->add(creds.sessionToken);
    }
    const QString region = s3::AwsCredentialChain::resolveRegion(m_settings.credentials, env);
    const auto location = s3::S3Location::make(
        m_settings.bucket, region, m_settings.endpoint, m_settings.forcePathStyle, &error);
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
    client.setRetries(m_settings.maxRetries, m_settings.retryDelayMs);
    client.setLog([&ui](const QString &line) { ui.message(line); });
    s3::S3FileUploader uploader(client, m_settings.upload);
    ui.say(
        QStringLiteral("Uploading %1 file(s) to s3://%2/%3 (region %4, credentials from %5)")
            .arg(QString::number(files.size()), m_settings.bucket, prefix, region, creds.source));

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
