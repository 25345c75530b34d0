#pragma once

#include "components/shared/s3/S3Client.h"

#include <QList>
#include <QString>
#include <functional>

namespace kiln::components::s3 {

// The UploadPart phase of a multipart upload, with up to `concurrency` parts in flight,
// each on a connection of its own (a single TCP stream rarely fills a long link to S3).
// Workers take the next part number, read that slice of the file and send it; the first
// failure stops the others (their requests are cancelled) and is the one reported. Memory:
// one part per worker.
//
// Threading: run() blocks the calling thread, which uploads too; `progress` is called with
// the bytes sent of all parts together, serialised, from any of the workers.
class S3PartUploader
{
public:
    struct Result
    {
        QString error; // the first part's failure; "cancelled" when the build was cancelled
        bool cancelled = false;
        QList<QByteArray> etags; // by part number - 1, complete on success
        int parts = 0; // parts uploaded
    };
    using Progress = std::function<void(qint64 sent, qint64 total)>;

    static Result run(S3Client &client, int concurrency, const QString &localPath, qint64 size,
        qint64 partSize, const QString &key, const QString &uploadId, const Progress &progress,
        const build::CancelTokenPtr &cancel);
};

} // namespace kiln::components::s3
