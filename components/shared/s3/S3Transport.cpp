#include "components/shared/s3/S3Transport.h"

#include <atomic>
#include <cstring>
#include <curl/curl.h>
#include <mutex>

namespace kiln::components::s3 {

namespace {

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Reaches the multi handle from a cancel callback, which may still run on another thread
// after perform() has returned; the handle is detached first so the callback then does nothing.
struct WakeGuard
{
    std::mutex mutex;
    CURLM *multi = nullptr;
    std::atomic<bool> cancelled{false};

    void wake()
    {
        cancelled = true;
        std::lock_guard lock(mutex);
        if (multi)
            curl_multi_wakeup(multi);
    }
    void detach()
    {
        std::lock_guard lock(mutex);
        multi = nullptr;
    }
};

struct Exchange
{
    const S3HttpRequest *request = nullptr;
    qint64 offset = 0;
    S3HttpResponse *response = nullptr;
    std::shared_ptr<WakeGuard> guard;
};

size_t onRead(char *buffer, size_t size, size_t count, void *self)
{
    auto *x = static_cast<Exchange *>(self);
    const qint64 left = x->request->body.size() - x->offset;
    const qint64 n = qMin(left, qint64(size * count));
    if (n > 0) {
        std::memcpy(buffer, x->request->body.constData() + x->offset, size_t(n));
        x->offset += n;
    }
    return size_t(n);
}

int onSeek(void *self, curl_off_t offset, int origin)
{
    // libcurl rewinds the body when it must resend it (a redirect, an auth retry).
    auto *x = static_cast<Exchange *>(self);
    if (origin != SEEK_SET || offset < 0 || offset > x->request->body.size())
        return CURL_SEEKFUNC_FAIL;
    x->offset = qint64(offset);
    return CURL_SEEKFUNC_OK;
}

size_t onWrite(char *data, size_t size, size_t count, void *self)
{
    auto *x = static_cast<Exchange *>(self);
    x->response->body.append(data, qsizetype(size * count));
    return size * count;
}

size_t onHeader(char *data, size_t size, size_t count, void *self)
{
    auto *x = static_cast<Exchange *>(self);
    const QByteArray line = QByteArray(data, qsizetype(size * count)).trimmed();
    if (line.startsWith("HTTP/")) {
        x->response->headers.clear(); // a 100 Continue precedes the real response
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        x->response->headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return size * count;
}

int onProgress(void *self, curl_off_t, curl_off_t, curl_off_t ulTotal, curl_off_t ulNow)
{
    auto *x = static_cast<Exchange *>(self);
    if (x->guard->cancelled)
        return 1;
    if (x->request->progress && ulNow > 0)
        x->request->progress(
            qint64(ulNow), ulTotal > 0 ? qint64(ulTotal) : x->request->body.size());
    return 0;
}

} // namespace

QByteArray S3HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

struct S3Transport::Private
{
    CURLM *multi = nullptr;
    CURL *easy = nullptr;
};

S3Transport::S3Transport(AwsCredentials credentials, QString region)
    : d(std::make_unique<Private>())
    , m_credentials(std::move(credentials))
    , m_region(std::move(region))
{
    initCurlOnce();
    d->multi = curl_multi_init();
    d->easy = curl_easy_init();
}

S3Transport::~S3Transport()
{
    curl_easy_cleanup(d->easy);
    curl_multi_cleanup(d->multi);
}

S3HttpResponse S3Transport::perform(
    const S3HttpRequest &request, const build::CancelTokenPtr &cancel)
{
    S3HttpResponse response;
    if (cancel && cancel->isCancelled()) {
        response.cancelled = true;
        response.error = QStringLiteral("cancelled");
        return response;
    }
    CURL *e = d->easy;
    // Reset keeps the connection cache (it lives in the multi handle): the next request to
    // the same host reuses the socket.
    curl_easy_reset(e);

    auto guard = std::make_shared<WakeGuard>();
    Exchange x{&request, 0, &response, guard};
    char errorBuffer[CURL_ERROR_SIZE] = {};

    curl_easy_setopt(e, CURLOPT_URL, request.url.constData());
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, long(m_connectTimeoutMs));
    if (request.timeoutMs > 0)
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, long(request.timeoutMs));
    // A stalled server must not hold a build: under 1 KiB/s for 60 s ends the request.
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1024L);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, 60L);
    curl_easy_setopt(e, CURLOPT_USERAGENT, "Kiln s3-upload");

    const QByteArray sigv4 = "aws:amz:" + m_region.toUtf8() + ":s3";
    const QByteArray user = m_credentials.accessKeyId.toUtf8();
    const QByteArray password = m_credentials.secretAccessKey.toUtf8();
    curl_easy_setopt(e, CURLOPT_AWS_SIGV4, sigv4.constData());
    curl_easy_setopt(e, CURLOPT_USERNAME, user.constData());
    curl_easy_setopt(e, CURLOPT_PASSWORD, password.constData());

    curl_slist *headers = nullptr;
    for (const auto &[name, value] : request.headers)
        headers = curl_slist_append(headers, (name + ": " + value).constData());
    if (!m_credentials.sessionToken.isEmpty())
        headers = curl_slist_append(
            headers, ("X-Amz-Security-Token: " + m_credentials.sessionToken.toUtf8()).constData());
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);

    if (request.method == "HEAD") {
        curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    } else if (request.hasBody) {
        curl_easy_setopt(e, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(e, CURLOPT_INFILESIZE_LARGE, curl_off_t(request.body.size()));
        curl_easy_setopt(e, CURLOPT_READFUNCTION, &onRead);
        curl_easy_setopt(e, CURLOPT_READDATA, &x);
        curl_easy_setopt(e, CURLOPT_SEEKFUNCTION, &onSeek);
        curl_easy_setopt(e, CURLOPT_SEEKDATA, &x);
        if (request.method != "PUT")
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, request.method.constData());
    } else if (request.method != "GET") {
        curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, request.method.constData());
    }
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &onWrite);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &x);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, &x);
    curl_easy_setopt(e, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(e, CURLOPT_XFERINFOFUNCTION, &onProgress);
    curl_easy_setopt(e, CURLOPT_XFERINFODATA, &x);

    {
        std::lock_guard lock(guard->mutex);
        guard->multi = d->multi;
    }
    CURLcode result = CURLE_OK;
    {
        build::CancelScope scope(cancel, [guard] { guard->wake(); });
        curl_multi_add_handle(d->multi, e);
        bool done = false;
        while (!done) {
            int running = 0;
            if (curl_multi_perform(d->multi, &running) != CURLM_OK) {
                result = CURLE_FAILED_INIT;
                break;
            }
            int queued = 0;
            while (CURLMsg *msg = curl_multi_info_read(d->multi, &queued)) {
                if (msg->msg == CURLMSG_DONE && msg->easy_handle == e) {
                    result = msg->data.result;
                    done = true;
                }
            }
            if (done)
                break;
            if (guard->cancelled) {
                result = CURLE_ABORTED_BY_CALLBACK;
                break;
            }
            curl_multi_poll(d->multi, nullptr, 0, 1000, nullptr);
        }
        curl_multi_remove_handle(d->multi, e);
    }
    guard->detach();
    curl_slist_free_all(headers);

    if (guard->cancelled) {
        response.cancelled = true;
        response.error = QStringLiteral("cancelled");
        return response;
    }
    if (result != CURLE_OK) {
        response.timedOut = result == CURLE_OPERATION_TIMEDOUT;
        response.error
            = QString::fromUtf8(errorBuffer[0] ? errorBuffer : curl_easy_strerror(result));
        return response;
    }
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

} // namespace kiln::components::s3
