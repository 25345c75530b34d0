#include "components/shared/s3/S3FileUploader.h"

#include "components/shared/FileHash.h"
#include "components/shared/s3/S3PartUploader.h"

#include <QFile>

namespace kiln::components::s3 {

S3FileUploader::S3FileUploader(S3Client &client, S3UploadSettings options)
    : m_client(client)
    , m_options(std::move(options))
{ }

qint64 S3FileUploader::effectivePartSize(qint64 size, qint64 configured)
{
    qint64 part = qMax(configured, qint64(1));
    while ((size + part - 1) / part > S3UploadSettings::MaxParts)
        part *= 2;
    return part;
}

S3Client::Headers S3FileUploader::objectHeaders(const QString &sha256) const
{
    S3Client::Headers headers;
    if (!m_options.contentType.isEmpty())
        headers.append({"Content-Type", m_options.contentType.toUtf8()});
    if (!m_options.acl.isEmpty())
        headers.append({"x-amz-acl", m_options.acl.toUtf8()});
    if (!sha256.isEmpty())
        headers.append({"x-amz-meta-sha256", sha256.toLatin1()});
    if (!m_options.storageClass.isEmpty())
        headers.append({"x-amz-storage-class", m_options.storageClass.toUtf8()});
    return headers;
}

void S3FileUploader::abort(const QString &key, Outcome &outcome)
{
    // The build's token may be the reason we are here: the abort gets a token of its own
    // (its request has a timeout), so a cancelled build still cleans up after itself.
    const S3Result result
        = m_client.abortMultipartUpload(key, outcome.uploadId, build::CancelToken::create());
    outcome.aborted = result.ok();
    if (!result.ok())
        outcome.abortError = result.error;
}

S3FileUploader::Outcome S3FileUploader::upload(const QString &localPath, const QString &key,
    const Progress &progress, const build::CancelTokenPtr &cancel)
{
    Outcome outcome;
    QFile file(localPath);
    if (!file.open(QIODevice::ReadOnly)) {
        outcome.error = QStringLiteral("open %1: %2").arg(localPath, file.errorString());
        return outcome;
    }
    const qint64 size = file.size();

    if (m_options.sha256Metadata) {
        // Object metadata is fixed when the upload starts, so the digest comes first.
        FileHash::Result hashed = FileHash::compute(
            localPath, {QStringLiteral("sha256")}, cancel, [&](qint64 done, qint64 total) {
                if (progress)
                    progress(QStringLiteral("hashing"), done, total);
            });
        if (hashed.cancelled || !hashed.error.isEmpty()) {
            outcome.cancelled = hashed.cancelled;
            outcome.error = hashed.error;
            return outcome;
        }
        outcome.sha256 = hashed.hex.value(QStringLiteral("sha256"));
    }
    const S3Client::Headers headers = objectHeaders(outcome.sha256);

    if (size <= m_options.partSize) {
        const QByteArray body = file.readAll();
        if (body.size() != size) {
            outcome.error = QStringLiteral("read %1: %2").arg(localPath, file.errorString());
            return outcome;
        }
        const S3Result result = m_client.putObject(
            key, body, headers,
            [&](qint64 sent, qint64 total) {
                if (progress)
                    progress(QStringLiteral("uploading"), sent, total);
            },
            cancel);
        outcome.cancelled = result.cancelled;
        outcome.error = result.error;
        if (result.ok() && progress)
            progress(QStringLiteral("uploading"), size, size);
        return outcome;
    }

    const qint64 partSize = effectivePartSize(size, m_options.partSize);
    S3Result created = m_client.createMultipartUpload(key, headers, &outcome.uploadId, cancel);
    if (!created.ok()) {
        outcome.cancelled = created.cancelled;
        outcome.error = created.error;
        return outcome;
    }

    const S3PartUploader::Result parts = S3PartUploader::run(
        m_client, m_options.concurrency, localPath, size, partSize, key, outcome.uploadId,
        [&](qint64 sent, qint64 total) {
            if (progress)
                progress(QStringLiteral("uploading"), sent, total);
        },
        cancel);
    outcome.parts = parts.parts;
    outcome.error = parts.error;
    outcome.cancelled = parts.cancelled;
    const QList<QByteArray> &etags = parts.etags;
    if (outcome.error.isEmpty()) {
        const S3Result done
            = m_client.completeMultipartUpload(key, outcome.uploadId, etags, cancel);
        if (done.ok())
            return outcome;
        outcome.cancelled = done.cancelled;
        outcome.error = done.error;
    }
    abort(key, outcome);
    return outcome;
}

} // namespace kiln::components::s3
