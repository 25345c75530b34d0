#pragma once

#include "components/shared/docker/DockerEndpoint.h"
#include "engine/build/CancelToken.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QString>
#include <functional>
#include <utility>

namespace kiln::components::docker {

struct DockerResponse
{
    long status = 0;
    QByteArray body; // the error body too when a sink was set and the status is >= 400
    QString error; // transport failure or cancel; empty when a response arrived
    bool cancelled = false;

    bool ok() const { return error.isEmpty(); }
    bool success() const { return ok() && status >= 200 && status < 300; }
};

// One HTTP exchange with the Docker daemon over libcurl (a unix socket through
// CURLOPT_UNIX_SOCKET_PATH, or tcp with optional TLS client certificates). Bodies can
// stream both ways: uploads are read from a QIODevice (archives, image tarballs) and
// downloads go to a sink as they arrive (exports, exec output, progress JSON), so no
// image or file is ever held in memory.
//
// Cancel wakes the transfer at once (curl_multi_wakeup) and aborts it.
// Threading: one thread drives an instance; the cancel token may fire from any thread.
class DockerRequest
{
public:
    // Returning false from a sink aborts the transfer (a full disk, a parse error).
    using Sink = std::function<bool(const char *data, size_t size)>;
    using Progress = std::function<void(qint64 done, qint64 total)>;

    DockerRequest(
        const DockerEndpoint &endpoint, const QByteArray &method, const QString &pathAndQuery);

    void setJsonBody(const QByteArray &json);
    void setUpload(QIODevice *source, qint64 size, const QByteArray &contentType);
    void addHeader(const QByteArray &name, const QByteArray &value);
    // Successful (2xx) response bodies go to `sink`; error bodies stay in the response.
    void setSink(Sink sink) { m_sink = std::move(sink); }
    void setUploadProgress(Progress progress) { m_uploadProgress = std::move(progress); }
    void setDownloadProgress(Progress progress) { m_downloadProgress = std::move(progress); }

    DockerResponse perform(const build::CancelTokenPtr &cancel);

private:
    static size_t onWrite(char *data, size_t size, size_t count, void *self);
    static size_t onRead(char *data, size_t size, size_t count, void *self);
    static int onProgress(void *self, qint64 dlTotal, qint64 dlNow, qint64 ulTotal, qint64 ulNow);

    DockerEndpoint m_endpoint;
    QByteArray m_method;
    QString m_path;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    bool m_hasBody = false;
    QIODevice *m_source = nullptr;
    qint64 m_sourceSize = -1;
    Sink m_sink;
    Progress m_uploadProgress;
    Progress m_downloadProgress;

    // Transfer state, valid during perform().
    void *m_easy = nullptr;
    DockerResponse m_response;
    bool m_sinkFailed = false;
    bool m_readFailed = false;
};

} // namespace kiln::components::docker
