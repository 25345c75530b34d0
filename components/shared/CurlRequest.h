#pragma once

#include "engine/build/CancelToken.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <utility>

namespace kiln::components {

// What one HTTP exchange returned. `headers` are those of the last response received (a
// followed redirect or a "100 Continue" replaces the earlier ones), in the server's order and
// spelling.
struct CurlResponse
{
    long status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body; // empty when the body went to a sink
    // The Location of a redirect curl did not follow, resolved against the request URL.
    QString redirectUrl;
    // curl decoded a Content-Encoding it had asked for (setAcceptEncoding).
    bool decoded = false;
    // Why the exchange failed (no connection, TLS, a cancel); empty when a response arrived,
    // whatever its status.
    QString error;
    bool cancelled = false;

    bool ok() const { return error.isEmpty(); }
    // The values of header `name` (case-insensitive), in order.
    QList<QByteArray> headerValues(const QByteArray &name) const;
};

// One HTTP request over libcurl, blocking, cancellable from any thread: the http data
// source, the docker builder (over its unix socket) and ISO downloads share it.
//
// A cancel wakes the transfer at once (curl_multi_wakeup) instead of waiting for curl's
// next progress tick, and the progress callback aborts too, so a stalled server cannot hold
// a build. libcurl signals are off (CURLOPT_NOSIGNAL): requests run on worker threads.
//
// Threading: an instance is used by one thread; perform() may be called once.
class CurlRequest
{
public:
    explicit CurlRequest(const QString &url);
    ~CurlRequest();
    CurlRequest(const CurlRequest &) = delete;
    CurlRequest &operator=(const CurlRequest &) = delete;

    // "GET" by default. HEAD asks for no body; any other method is sent verbatim.
    void setMethod(const QByteArray &method);
    // Sent with a Content-Length; also for an empty body when `sendEmpty` (POST, PUT).
    void setBody(const QByteArray &body, bool sendEmpty = false);
    // Appended in order; an empty value is sent as an empty header.
    void addHeader(const QByteArray &name, const QByteArray &value);
    // Stops curl from sending a header it adds itself ("Accept").
    void removeHeader(const QByteArray &name);
    void setUserAgent(const QByteArray &agent);
    // Asks for a compressed response ("gzip") and decodes it; empty: no Accept-Encoding.
    void setAcceptEncoding(const QByteArray &encodings);
    // Off by default: callers that need other redirect rules follow redirectUrl themselves.
    void setFollowRedirects(bool follow, long maxRedirects = 10);
    void setConnectTimeoutMs(qint64 ms);
    // The whole exchange; 0 (the default) means no limit.
    void setTimeoutMs(qint64 ms);
    // Aborts when fewer than `bytesPerSecond` arrive for `seconds` in a row.
    void setLowSpeedLimit(long bytesPerSecond, long seconds);
    // Talks HTTP over a unix socket (the docker daemon); the URL's host is then only a name.
    void setUnixSocketPath(const QString &path);
    // Streams the body into `sink` instead of keeping it in memory (large downloads).
    void setBodySink(QIODevice *sink);
    // Bytes received so far and the expected total (-1 when unknown).
    void setProgress(std::function<void(qint64 done, qint64 total)> progress);

    CurlResponse perform(const build::CancelTokenPtr &cancel);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace kiln::components
