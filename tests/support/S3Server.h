#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace kiln::test {

// A real S3 API server on 127.0.0.1 for the uploader tests (shared/TESTBED.md "S3 API"):
// s3rver 3.7.1 from tests/tools/node_modules on a free port, its data in a temporary
// directory, buckets created at start (--configure-bucket), stopped by PID when the object
// dies. Its request log lets tests see which requests a client made.
//
// What s3rver does not do, and tests must not rely on: it does not verify SigV4 signatures
// (only that the access key is its own, S3RVER), and it implements neither
// AbortMultipartUpload nor ListMultipartUploads (a DELETE ?uploadId answers 405); pending
// multipart uploads are visible as directories in its data directory instead.
class S3Server
{
public:
    S3Server();
    ~S3Server();
    S3Server(const S3Server &) = delete;
    S3Server &operator=(const S3Server &) = delete;

    // Why no server can run here (node or s3rver missing), or empty.
    static QString unavailableReason();

    // Buckets to create at start.
    void addBucket(const QString &name) { m_buckets << name; }
    // Starts s3rver and waits until the port accepts connections (up to 15 s).
    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const;

    int port() const { return m_port; }
    QString endpoint() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }
    QString dir() const { return m_dir->path(); }
    // s3rver's one account.
    static QString accessKey() { return QStringLiteral("S3RVER"); }
    static QString secretKey() { return QStringLiteral("S3RVER"); }

    QByteArray log() const;
    // The requests s3rver answered, in order: "PUT /bucket/key?partNumber=1&uploadId=X 200".
    QStringList requests() const;
    // s3rver logs a request after answering it, so a client can be faster than the log:
    // waits up to `timeoutMs` for `request` ("PUT /b/k 200") to appear in requests().
    bool waitForRequest(const QString &request, int timeoutMs = 5000) const;
    // The ids of multipart uploads begun and neither completed nor aborted in `bucket`.
    QStringList pendingUploads(const QString &bucket) const;

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QStringList m_buckets;
    int m_port = 0;
};

} // namespace kiln::test
