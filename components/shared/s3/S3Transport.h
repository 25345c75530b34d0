#pragma once

#include "components/shared/s3/AwsCredentials.h"
#include "engine/build/CancelToken.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <utility>

namespace kiln::components::s3 {

struct S3HttpRequest
{
    QByteArray method = "GET";
    QByteArray url;
    QList<std::pair<QByteArray, QByteArray>> headers; // signed, as libcurl signs every one set
    QByteArray body;
    bool hasBody = false; // PUT and POST send a body, even an empty one
    // Bytes of the body sent so far and its size.
    std::function<void(qint64 sent, qint64 total)> progress;
    qint64 timeoutMs = 0; // 0: no limit on the whole exchange
};

struct S3HttpResponse
{
    long status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString error; // transport failure (no connection, reset, timeout); empty when a response came
    bool cancelled = false;
    bool timedOut = false;

    QByteArray header(const QByteArray &name) const;
};

// HTTP for the S3 client: libcurl with its built-in SigV4 signer (CURLOPT_AWS_SIGV4
// "aws:amz:REGION:s3", the key pair as user name and password). One easy handle on one
// multi handle for the object's lifetime, so consecutive requests reuse the connection.
//
// What libcurl 7.88 signs, and so what callers must provide: every header set here (besides
// Host and X-Amz-Date, which it adds), the path and query exactly as written (no
// re-encoding, no sorting), and as payload hash the x-amz-content-sha256 header when
// present — libcurl would otherwise hash only POSTFIELDS, and an uploaded body is not one.
//
// Threading: one thread performs; a cancel from any thread wakes the transfer at once.
class S3Transport
{
public:
    S3Transport(AwsCredentials credentials, QString region);
    ~S3Transport();
    S3Transport(const S3Transport &) = delete;
    S3Transport &operator=(const S3Transport &) = delete;

    void setConnectTimeoutMs(qint64 ms) { m_connectTimeoutMs = ms; }

    S3HttpResponse perform(const S3HttpRequest &request, const build::CancelTokenPtr &cancel);

private:
    struct Private;
    std::unique_ptr<Private> d;
    AwsCredentials m_credentials;
    QString m_region;
    qint64 m_connectTimeoutMs = 10000;
};

} // namespace kiln::components::s3
