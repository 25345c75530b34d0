#pragma once

#include "components/shared/s3/S3Location.h"
#include "components/shared/s3/S3Transport.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>
#include <memory>

namespace kiln::components::s3 {

// The outcome of one S3 operation after its retries.
struct S3Result
{
    S3HttpResponse response;
    // "403 InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our
    // records." or the transport's reason; empty on success.
    QString error;
    bool cancelled = false;
    int attempts = 0;

    bool ok() const { return error.isEmpty() && !cancelled; }
};

// The few S3 REST operations an uploader needs, each retried with exponential backoff on
// connection errors, timeouts, 5xx and 429 (SlowDown), never on other 4xx. Every request
// with a body carries Content-MD5 (S3 rejects a body that arrives changed) and
// x-amz-content-sha256 (the signed payload hash).
//
// Threading: one thread at a time (it owns one connection); cancel from any thread.
class S3Client
{
public:
    using Log = std::function<void(const QString &)>;

    S3Client(S3Location location, AwsCredentials credentials);

    // `maxRetries` more attempts after the first; delays baseDelayMs, 2x, 4x ... up to 20 s.
    void setRetries(int maxRetries, qint64 baseDelayMs);
    void setConnectTimeoutMs(qint64 ms)
    {
        m_connectTimeoutMs = ms;
        m_transport.setConnectTimeoutMs(ms);
    }
    // Another client with the same settings and a connection of its own, for a part
    // uploaded in parallel.
    std::unique_ptr<S3Client> clone() const;
    // Told about each retry ("... retrying in 2s (attempt 2 of 5)").
    void setLog(Log log) { m_log = std::move(log); }
    const S3Location &location() const { return m_location; }

    using Headers = QList<std::pair<QByteArray, QByteArray>>;
    using Progress = std::function<void(qint64 sent, qint64 total)>;

    S3Result putObject(const QString &key, const QByteArray &body, const Headers &headers,
        const Progress &progress, const build::CancelTokenPtr &cancel);
    S3Result createMultipartUpload(const QString &key, const Headers &headers, QString *uploadId,
        const build::CancelTokenPtr &cancel);
    S3Result uploadPart(const QString &key, const QString &uploadId, int partNumber,
        const QByteArray &body, QByteArray *etag, const Progress &progress,
        const build::CancelTokenPtr &cancel);
    S3Result completeMultipartUpload(const QString &key, const QString &uploadId,
        const QList<QByteArray> &etags, const build::CancelTokenPtr &cancel);
    S3Result abortMultipartUpload(
        const QString &key, const QString &uploadId, const build::CancelTokenPtr &cancel);
    S3Result getObject(const QString &key, const build::CancelTokenPtr &cancel);
    S3Result headObject(const QString &key, const build::CancelTokenPtr &cancel);

    // The <Code> and <Message> of an S3 error document; empty when `body` is none.
    static std::pair<QString, QString> errorOf(const QByteArray &body);

private:
    S3Result send(S3HttpRequest request, const build::CancelTokenPtr &cancel);

    S3Location m_location;
    AwsCredentials m_credentials;
    S3Transport m_transport;
    qint64 m_connectTimeoutMs = 10000;
    int m_maxRetries = 4;
    qint64 m_baseDelayMs = 500;
    Log m_log;
};

} // namespace kiln::components::s3
