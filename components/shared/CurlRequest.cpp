#include "components/shared/CurlRequest.h"

#include <curl/curl.h>
#include <mutex>

namespace kiln::components {

namespace {

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// The multi handle a cancel callback may wake. The callback can run on another thread
// just after perform() has unregistered it (CancelToken calls callbacks outside its lock),
// so it reaches the handle only through this guard, which perform() closes first.
struct WakeGuard
{
    std::mutex mutex;
    CURLM *multi = nullptr;

    void wake()
    {
        std::lock_guard lock(mutex);
        if (multi)
            curl_multi_wakeup(multi);
    }
    void close()
    {
        std::lock_guard lock(mutex);
        multi = nullptr;
    }
};

} // namespace

QList<QByteArray> CurlResponse::headerValues(const QByteArray &name) const
{
    QList<QByteArray> out;
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            out << value;
    return out;
}

struct CurlRequest::Private
{
    CURL *easy = nullptr;
    curl_slist *headerList = nullptr;
    QByteArray url;
    QByteArray method = "GET";
    QByteArray body;
    bool hasBody = false;
    bool hasContentType = false;
    QByteArray acceptEncoding;
    QByteArray unixSocket;
    QIODevice *sink = nullptr;
    bool sinkFailed = false;
    std::function<void(qint64, qint64)> progress;
    build::CancelTokenPtr cancel;
    CurlResponse response;
    char errorBuffer[CURL_ERROR_SIZE] = {};

    static size_t onWrite(char *data, size_t size, size_t count, void *self);
    static size_t onHeader(char *data, size_t size, size_t count, void *self);
    static int onProgress(void *self, curl_off_t dlTotal, curl_off_t dlNow, curl_off_t, curl_off_t);
};

size_t CurlRequest::Private::onWrite(char *data, size_t size, size_t count, void *self)
{
    auto *p = static_cast<Private *>(self);
    const qint64 n = qint64(size * count);
    if (p->sink) {
        qint64 written = 0;
        while (written < n) {
            const qint64 w = p->sink->write(data + written, n - written);
            if (w <= 0) {
                p->sinkFailed = true;
                return 0; // curl reports CURLE_WRITE_ERROR
            }
            written += w;
        }
    } else {
        p->response.body.append(data, n);
    }
    return size_t(n);
}

size_t CurlRequest::Private::onHeader(char *data, size_t size, size_t count, void *self)
{
    auto *p = static_cast<Private *>(self);
    const size_t n = size * count;
    QByteArray line(data, qsizetype(n));
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    auto &headers = p->response.headers;
    if (line.startsWith("HTTP/")) {
        // A new response starts (after a 1xx or a followed redirect): only the last counts.
        headers.clear();
    } else if (!line.isEmpty() && (line.at(0) == ' ' || line.at(0) == '\t')) {
        if (!headers.isEmpty())
            headers.last().second += ' ' + line.trimmed();
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return n;
}

int CurlRequest::Private::onProgress(
    void *self, curl_off_t dlTotal, curl_off_t dlNow, curl_off_t, curl_off_t)
{
    auto *p = static_cast<Private *>(self);
    if (p->cancel && p->cancel->isCancelled())
        return 1; // CURLE_ABORTED_BY_CALLBACK
    if (p->progress && dlNow > 0)
        p->progress(qint64(dlNow), dlTotal > 0 ? qint64(dlTotal) : -1);
    return 0;
}

CurlRequest::CurlRequest(const QString &url)
    : d(std::make_unique<Private>())
{
    initCurlOnce();
    d->url = url.toUtf8();
    d->easy = curl_easy_init();
    CURL *e = d->easy;
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, d->errorBuffer);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Private::onWrite);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, d.get());
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Private::onHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, d.get());
    curl_easy_setopt(e, CURLOPT_XFERINFOFUNCTION, &Private::onProgress);
    curl_easy_setopt(e, CURLOPT_XFERINFODATA, d.get());
    curl_easy_setopt(e, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, 30000L);
    // "Expect: 100-continue" would stall small uploads against servers that ignore it.
    d->headerList = curl_slist_append(d->headerList, "Expect:");
}

CurlRequest::~CurlRequest()
{
    if (d->easy)
        curl_easy_cleanup(d->easy);
    curl_slist_free_all(d->headerList);
}

void CurlRequest::setMethod(const QByteArray &method)
{
    d->method = method;
}

void CurlRequest::setBody(const QByteArray &body, bool sendEmpty)
{
    d->body = body;
    d->hasBody = !body.isEmpty() || sendEmpty;
}

void CurlRequest::addHeader(const QByteArray &name, const QByteArray &value)
{
    if (name.compare("Content-Type", Qt::CaseInsensitive) == 0)
        d->hasContentType = true;
    // curl's syntax: "Name;" sends an empty header, "Name:" would remove it.
    const QByteArray line = value.isEmpty() ? name + ';' : name + ": " + value;
    d->headerList = curl_slist_append(d->headerList, line.constData());
}

void CurlRequest::removeHeader(const QByteArray &name)
{
    d->headerList = curl_slist_append(d->headerList, (name + ':').constData());
}

void CurlRequest::setUserAgent(const QByteArray &agent)
{
    curl_easy_setopt(d->easy, CURLOPT_USERAGENT, agent.constData()); // curl copies strings
}

void CurlRequest::setAcceptEncoding(const QByteArray &encodings)
{
    d->acceptEncoding = encodings;
    curl_easy_setopt(
        d->easy, CURLOPT_ACCEPT_ENCODING, encodings.isEmpty() ? nullptr : encodings.constData());
}

void CurlRequest::setFollowRedirects(bool follow, long maxRedirects)
{
    curl_easy_setopt(d->easy, CURLOPT_FOLLOWLOCATION, follow ? 1L : 0L);
    curl_easy_setopt(d->easy, CURLOPT_MAXREDIRS, maxRedirects);
}

void CurlRequest::setConnectTimeoutMs(qint64 ms)
{
    curl_easy_setopt(d->easy, CURLOPT_CONNECTTIMEOUT_MS, long(ms));
}

void CurlRequest::setTimeoutMs(qint64 ms)
{
    curl_easy_setopt(d->easy, CURLOPT_TIMEOUT_MS, long(ms));
}

void CurlRequest::setLowSpeedLimit(long bytesPerSecond, long seconds)
{
    curl_easy_setopt(d->easy, CURLOPT_LOW_SPEED_LIMIT, bytesPerSecond);
    curl_easy_setopt(d->easy, CURLOPT_LOW_SPEED_TIME, seconds);
}

void CurlRequest::setUnixSocketPath(const QString &path)
{
    d->unixSocket = path.toLocal8Bit();
    curl_easy_setopt(d->easy, CURLOPT_UNIX_SOCKET_PATH, d->unixSocket.constData());
}

void CurlRequest::setBodySink(QIODevice *sink)
{
    d->sink = sink;
}

void CurlRequest::setProgress(std::function<void(qint64, qint64)> progress)
{
    d->progress = std::move(progress);
}

CurlResponse CurlRequest::perform(const build::CancelTokenPtr &cancel)
{
    CURL *e = d->easy;
    d->cancel = cancel;
    d->response = {};
    curl_easy_setopt(e, CURLOPT_URL, d->url.constData());

    if (d->method == "HEAD") {
        curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    } else if (d->method == "GET" && !d->hasBody) {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    } else {
        if (d->hasBody) {
            curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(d->body.size()));
            curl_easy_setopt(e, CURLOPT_COPYPOSTFIELDS, d->body.constData());
            // curl would label the payload as a form; the caller says what it is, or nothing.
            if (!d->hasContentType)
                d->headerList = curl_slist_append(d->headerList, "Content-Type:");
        }
        if (d->method != "POST" || !d->hasBody)
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, d->method.constData());
    }
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, d->headerList);

    CURLM *multi = curl_multi_init();
    curl_multi_add_handle(multi, e);
    auto guard = std::make_shared<WakeGuard>();
    guard->multi = multi;
    CURLcode result = CURLE_OK;
    bool done = false;
    {
        build::CancelScope scope(cancel, [guard] { guard->wake(); });
        for (;;) {
            int running = 0;
            if (curl_multi_perform(multi, &running) != CURLM_OK)
                break;
            while (CURLMsg *msg = curl_multi_info_read(multi, &running)) {
                if (msg->msg == CURLMSG_DONE) {
                    result = msg->data.result;
                    done = true;
                }
            }
            if (done || (cancel && cancel->isCancelled()))
                break;
            curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
        }
    }
    guard->close();
    curl_multi_remove_handle(multi, e);
    curl_multi_cleanup(multi);

    CurlResponse &r = d->response;
    if (cancel && cancel->isCancelled()) {
        r.cancelled = true;
        r.error = QStringLiteral("cancelled");
        return r;
    }
    if (!done) {
        r.error = QStringLiteral("transfer did not complete");
        return r;
    }
    if (result != CURLE_OK) {
        if (d->sinkFailed && d->sink)
            r.error = d->sink->errorString();
        else
            r.error = QString::fromUtf8(
                d->errorBuffer[0] ? d->errorBuffer : curl_easy_strerror(result));
        return r;
    }
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &r.status);
    char *location = nullptr;
    if (curl_easy_getinfo(e, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location)
        r.redirectUrl = QString::fromUtf8(location);
    if (!d->acceptEncoding.isEmpty()) {
        const QList<QByteArray> asked = d->acceptEncoding.toLower().split(',');
        for (const QByteArray &enc : r.headerValues("Content-Encoding"))
            for (const QByteArray &a : asked)
                if (enc.trimmed().toLower() == a.trimmed())
                    r.decoded = true;
    }
    return r;
}

} // namespace kiln::components
