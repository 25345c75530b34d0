#pragma once

#include <QString>

namespace kiln::components::s3 {

// How objects are written (S3FileUploader), as a template configures it.
struct S3UploadSettings
{
    // Files above this size go up in parts of this size (the last one smaller).
    qint64 partSize = DefaultPartSize;
    QString storageClass; // x-amz-storage-class; empty: the bucket's default
    QString acl; // x-amz-acl canned ACL; empty: the bucket's default
    QString contentType = QStringLiteral("application/octet-stream");
    // x-amz-meta-sha256: the whole file's SHA-256, hex, for consumers to verify against.
    bool sha256Metadata = true;
    // Parts in flight at once, each on its own connection.
    int concurrency = 4;

    static constexpr qint64 DefaultPartSize = 16 * 1024 * 1024;
    static constexpr qint64 MinPartSize = 5 * 1024 * 1024; // S3's smallest non-final part
    static constexpr qint64 MaxPartSize = 5LL * 1024 * 1024 * 1024; // and largest part or PUT
    static constexpr int MaxParts = 10000;
};

} // namespace kiln::components::s3
