#pragma once

#include "components/shared/s3/S3Client.h"
#include "components/shared/s3/S3UploadSettings.h"

#include <QString>
#include <functional>

namespace kiln::components::s3 {

// Uploads one local file to one key: a single PutObject up to partSize, above it
// CreateMultipartUpload, UploadPart for the parts (S3PartUploader, several at once),
// CompleteMultipartUpload — and AbortMultipartUpload when a part fails or the build is
// cancelled, so no upload is left accruing storage.
class S3FileUploader
{
public:
    struct Outcome
    {
        QString error; // empty on success
        bool cancelled = false;
        QString sha256; // hex, when computed
        int parts = 0; // 0 for a single PutObject
        QString uploadId; // of the multipart upload, also when it was aborted
        bool aborted = false;
        QString abortError; // why AbortMultipartUpload failed, if it did
    };
    // `phase` is "hashing" or "uploading"; bytes of this file.
    using Progress = std::function<void(const QString &phase, qint64 done, qint64 total)>;

    S3FileUploader(S3Client &client, S3UploadSettings options);

    Outcome upload(const QString &localPath, const QString &key, const Progress &progress,
        const build::CancelTokenPtr &cancel);

    // The part size actually used for a file of `size` bytes: the configured one, grown so
    // that the file fits in S3's 10,000 parts.
    static qint64 effectivePartSize(qint64 size, qint64 configured);

private:
    S3Client::Headers objectHeaders(const QString &sha256) const;
    void abort(const QString &key, Outcome &outcome);

    S3Client &m_client;
    S3UploadSettings m_options;
};

} // namespace kiln::components::s3
