#include "components/shared/s3/S3PartUploader.h"

#include <QFile>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace kiln::components::s3 {

S3PartUploader::Result S3PartUploader::run(S3Client &client, int concurrency,
    const QString &localPath, qint64 size, qint64 partSize, const QString &key,
    const QString &uploadId, const Progress &progress, const build::CancelTokenPtr &cancel)
{
    Result result;
    const int count = int((size + partSize - 1) / partSize);
    result.etags.resize(count);
    // Cancelled by the build's token, and by the first failing part to stop the others.
    const build::CancelTokenPtr parent = cancel ? cancel : build::CancelToken::create();
    const build::CancelTokenPtr stop = parent->child();

    std::mutex mutex;
    std::atomic<int> next{0};
    QList<qint64> sent(count, 0);
    qint64 sentTotal = 0;

    // Under `mutex`: the first real failure wins; a part cancelled because another failed
    // adds nothing.
    const auto fail = [&](const QString &error, bool cancelled) {
        if (result.error.isEmpty() && !(cancelled && !parent->isCancelled())) {
            result.error = error;
            result.cancelled = cancelled;
        }
        stop->cancel(QStringLiteral("a part failed"));
    };
    const auto account = [&](int index, qint64 bytes) {
        sentTotal += bytes - sent[index];
        sent[index] = bytes;
        if (progress)
            progress(sentTotal, size);
    };

    const auto work = [&](S3Client &c) {
        QFile file(localPath);
        if (!file.open(QIODevice::ReadOnly)) {
            std::lock_guard lock(mutex);
            fail(QStringLiteral("open %1: %2").arg(localPath, file.errorString()), false);
            return;
        }
        for (;;) {
            const int index = next++;
            if (index >= count || stop->isCancelled())
                return;
            const qint64 offset = qint64(index) * partSize;
            const qint64 length = qMin(partSize, size - offset);
            const QByteArray body = file.seek(offset) ? file.read(length) : QByteArray();
            if (body.size() != length) {
                std::lock_guard lock(mutex);
                fail(QStringLiteral("read %1: %2").arg(localPath, file.errorString()), false);
                return;
            }
            QByteArray etag;
            const S3Result part = c.uploadPart(
                key, uploadId, index + 1, body, &etag,
                [&](qint64 bytes, qint64) {
                    std::lock_guard lock(mutex);
                    account(index, bytes);
                },
                stop);
            std::lock_guard lock(mutex);
            if (!part.ok()) {
                fail(part.error, part.cancelled);
                return;
            }
            result.etags[index] = etag;
            ++result.parts;
            account(index, length);
        }
    };

    const int workers = qBound(1, concurrency, count);
    std::vector<std::unique_ptr<S3Client>> clients;
    std::vector<std::thread> threads;
    for (int i = 1; i < workers; ++i) {
        clients.push_back(client.clone());
        threads.emplace_back(work, std::ref(*clients.back()));
    }
    work(client);
    for (std::thread &t : threads)
        t.join();
    if (parent->isCancelled() && (result.error.isEmpty() || result.cancelled)) {
        result.cancelled = true;
        result.error = QStringLiteral("cancelled");
    }
    return result;
}

} // namespace kiln::components::s3
