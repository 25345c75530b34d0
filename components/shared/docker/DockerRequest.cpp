#include "components/shared/docker/DockerRequest.h"

#include <curl/curl.h>
#include <memory>
#include <mutex>

namespace kiln::components::docker {

namespace {

// Shared with the cancel callback, which may run on another thread even after perform()
// has returned (CancelToken calls callbacks outside its lock): it only wakes a multi
// handle that is still registered here.
struct Waker
{
    std::mutex mutex;
    CURLM *multi = nullptr;
};

} // namespace

DockerRequest::DockerRequest(
    const DockerEndpoint &endpoint, const QByteArray &method, const QString &pathAndQuery)
    : m_endpoint(endpoint)
    , m_method(method)
    , m_path(pathAndQuery)
{ }

void DockerRequest::setJsonBody(const QByteArray &json)
{
    m_body = json;
    m_hasBody = true;
    addHeader("Content-Type", "application/json");
}

void DockerRequest::setUpload(QIODevice *source, qint64 size, const QByteArray &contentType)
{
    m_source = source;
    m_sourceSize = size;
    addHeader("Content-Type", contentType);
}

void DockerRequest::addHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.append({name, value});
}

size_t DockerRequest::onWrite(char *data, size_t size, size_t count, void *self)
{
    auto *r = static_cast<DockerRequest *>(self);
    const size_t n = size * count;
    long status = 0;
    curl_easy_getinfo(static_cast<CURL *>(r->m_easy), CURLINFO_RESPONSE_CODE, &status);
    if (r->m_sink && status >= 200 && status < 300) {
        if (!r->m_sink(data, n)) {
            r->m_sinkFailed = true;
            return 0;
        }
        return n;
    }
    r->m_response.body.append(data, qsizetype(n));
    return n;
}

size_t DockerRequest::onRead(char *data, size_t size, size_t count, void *self)
{
    auto *r = static_cast<DockerRequest *>(self);
    const qint64 n = r->m_source->read(data, qint64(size * count));
    if (n < 0) {
        r->m_readFailed = true;
        return CURL_READFUNC_ABORT;
    }
    return size_t(n);
}

int DockerRequest::onProgress(
    void *self, qint64 dlTotal, qint64 dlNow, qint64 ulTotal, qint64 ulNow)
{
    auto *r = static_cast<DockerRequest *>(self);
    if (r->m_uploadProgress && ulNow > 0)
        r->m_uploadProgress(
            ulNow, r->m_sourceSize >= 0 ? r->m_sourceSize : (ulTotal > 0 ? ulTotal : -1));
    if (r->m_downloadProgress && dlNow > 0)
        r->m_downloadProgress(dlNow, dlTotal > 0 ? dlTotal : -1);
    return 0;
}

DockerResponse DockerRequest::perform(const build::CancelTokenPtr &cancel)
{
    m_response = DockerResponse();
    if (!m_endpoint.error.isEmpty()) {
        m_response.error = m_endpoint.error;
        return m_response;
    }
    CURL *easy = curl_easy_init();
    m_easy = easy;
    const QByteArray url = (m_endpoint.baseUrl + m_path).toUtf8();
    const QByteArray socket = m_endpoint.unixSocket.toLocal8Bit();
    curl_easy_setopt(easy, CURLOPT_URL, url.constData());
    if (!socket.isEmpty())
        curl_easy_setopt(easy, CURLOPT_UNIX_SOCKET_PATH, socket.constData());
    QByteArray ca, cert, key;
    if (m_endpoint.tls) {
        ca = (m_endpoint.certPath + QStringLiteral("/ca.pem")).toLocal8Bit();
        cert = (m_endpoint.certPath + QStringLiteral("/cert.pem")).toLocal8Bit();
        key = (m_endpoint.certPath + QStringLiteral("/key.pem")).toLocal8Bit();
        curl_easy_setopt(easy, CURLOPT_CAINFO, ca.constData());
        curl_easy_setopt(easy, CURLOPT_SSLCERT, cert.constData());
        curl_easy_setopt(easy, CURLOPT_SSLKEY, key.constData());
    }
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, 30000L);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "kiln");
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &DockerRequest::onWrite);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, &DockerRequest::onProgress);
    curl_easy_setopt(easy, CURLOPT_XFERINFODATA, this);
    curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);

    struct curl_slist *headers = nullptr;
    QList<QByteArray> headerLines;
    for (const auto &[name, value] : m_headers)
        headerLines << name + ": " + value;
    // Streaming uploads of unknown size would be chunked; the daemon accepts both, but a
    // known size lets it report progress and avoids "Expect: 100-continue" round trips.
    headerLines << QByteArray("Expect:");
    for (const QByteArray &line : headerLines)
        headers = curl_slist_append(headers, line.constData());
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);

    if (m_source) {
        curl_easy_setopt(easy, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(easy, CURLOPT_READFUNCTION, &DockerRequest::onRead);
        curl_easy_setopt(easy, CURLOPT_READDATA, this);
        if (m_sourceSize >= 0)
            curl_easy_setopt(easy, CURLOPT_INFILESIZE_LARGE, curl_off_t(m_sourceSize));
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, m_method.constData());
    } else if (m_hasBody || m_method == "POST") {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(m_body.size()));
        curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, m_body.constData());
        if (m_method != "POST")
            curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, m_method.constData());
    } else if (m_method == "HEAD") {
        curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    } else if (m_method != "GET") {
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, m_method.constData());
    }

    CURLM *multi = curl_multi_init();
    curl_multi_add_handle(multi, easy);
    auto waker = std::make_shared<Waker>();
    waker->multi = multi;
    CURLcode result = CURLE_OK;
    bool cancelled = false;
    {
        build::CancelScope scope(cancel, [waker] {
            std::lock_guard lock(waker->mutex);
            if (waker->multi)
                curl_multi_wakeup(waker->multi);
        });
        for (;;) {
            int running = 0;
            if (curl_multi_perform(multi, &running) != CURLM_OK)
                break;
            if (!running)
                break;
            if (cancel && cancel->isCancelled()) {
                cancelled = true;
                break;
            }
            curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
        }
        int left = 0;
        while (CURLMsg *msg = curl_multi_info_read(multi, &left)) {
            if (msg->msg == CURLMSG_DONE)
                result = msg->data.result;
        }
        std::lock_guard lock(waker->mutex);
        waker->multi = nullptr;
    }
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &m_response.status);
    curl_multi_remove_handle(multi, easy);
    curl_multi_cleanup(multi);
    curl_slist_free_all(headers);
    curl_easy_cleanup(easy);
    m_easy = nullptr;

    if (cancelled) {
        m_response.cancelled = true;
        m_response.error = QStringLiteral("cancelled");
    } else if (m_sinkFailed) {
        m_response.error = QStringLiteral("writing the response failed");
    } else if (m_readFailed) {
        m_response.error = QStringLiteral("reading the upload failed");
    } else if (result == CURLE_COULDNT_CONNECT
        || (result == CURLE_COULDNT_RESOLVE_HOST && !m_endpoint.unixSocket.isEmpty())) {
        // The docker CLI's wording, so the cause is recognisable.
        m_response.error = QStringLiteral(
            "Cannot connect to the Docker daemon at %1. Is the docker daemon running?")
                               .arg(m_endpoint.display());
    } else if (result != CURLE_OK) {
        m_response.error = QString::fromUtf8(curl_easy_strerror(result));
    }
    return m_response;
}

} // namespace kiln::components::docker
