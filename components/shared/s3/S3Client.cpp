#include "components/shared/s3/S3Client.h"

#include "components/shared/s3/OpenSslDigest.h"

#include <QThread>
#include <QXmlStreamReader>

namespace kiln::components::s3 {

namespace {

// The text of the first element named `name` in an XML document.
QString elementText(const QByteArray &xml, const QString &name)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == name)
            return reader.readElementText();
    }
    return {};
}

bool retryable(const S3HttpResponse &r)
{
    if (r.cancelled)
        return false;
    if (!r.error.isEmpty())
        return true;
    // CompleteMultipartUpload may answer 200 and put an error in the body while it assembles.
    if (r.status == 200 && r.body.contains("<Error>"))
        return true;
    return r.status >= 500 || r.status == 429;
}

} // namespace

S3Client::S3Client(S3Location location, AwsCredentials credentials)
    : m_location(std::move(location))
    , m_credentials(std::move(credentials))
    , m_transport(m_credentials, m_location.region)
{ }

std::unique_ptr<S3Client> S3Client::clone() const
{
    auto copy = std::make_unique<S3Client>(m_location, m_credentials);
    copy->setRetries(m_maxRetries, m_baseDelayMs);
    copy->setConnectTimeoutMs(m_connectTimeoutMs);
    copy->setLog(m_log);
    return copy;
}

void S3Client::setRetries(int maxRetries, qint64 baseDelayMs)
{
    m_maxRetries = qMax(0, maxRetries);
    m_baseDelayMs = qMax<qint64>(0, baseDelayMs);
}

std::pair<QString, QString> S3Client::errorOf(const QByteArray &body)
{
    if (!body.contains("<Error>"))
        return {};
    return {
        elementText(body, QStringLiteral("Code")), elementText(body, QStringLiteral("Message"))};
}

S3Result S3Client::send(S3HttpRequest request, const build::CancelTokenPtr &cancel)
{
    request.headers.append({"x-amz-content-sha256",
        OpenSslDigest::hash(request.body, OpenSslDigest::Algorithm::Sha256).toHex()});
    if (request.hasBody)
        request.headers.append({"Content-MD5",
            OpenSslDigest::hash(request.body, OpenSslDigest::Algorithm::Md5).toBase64()});

    S3Result result;
    const QString what = QStringLiteral("%1 %2").arg(
        QString::fromLatin1(request.method), QString::fromUtf8(request.url));
    for (int attempt = 0;; ++attempt) {
        result.attempts = attempt + 1;
        result.response = m_transport.perform(request, cancel);
        const S3HttpResponse &r = result.response;
        if (r.cancelled) {
            result.cancelled = true;
            result.error = QStringLiteral("cancelled");
            return result;
        }
        if (!retryable(r) || attempt >= m_maxRetries) {
            if (!r.error.isEmpty()) {
                result.error = QStringLiteral("%1: %2").arg(what, r.error);
            } else if (r.status >= 300 || r.body.contains("<Error>")) {
                const auto [code, message] = errorOf(r.body);
                result.error = code.isEmpty()
                    ? QStringLiteral("%1: HTTP %2").arg(what, QString::number(r.status))
                    : QStringLiteral("%1: %2 %3: %4")
                          .arg(what, QString::number(r.status), code, message);
            }
            if (!result.error.isEmpty() && attempt > 0)
                result.error += QStringLiteral(" (after %1 attempts)").arg(attempt + 1);
            return result;
        }
        const qint64 delay = qMin<qint64>(m_baseDelayMs << qMin(attempt, 16), 20000);
        if (m_log) {
            const QString why
                = r.error.isEmpty() ? QStringLiteral("HTTP %1").arg(r.status) : r.error;
            m_log(QStringLiteral("%1: %2; retrying in %3 ms (attempt %4 of %5)")
                      .arg(what, why, QString::number(delay), QString::number(attempt + 2),
                          QString::number(m_maxRetries + 1)));
        }
        if (!cancel) {
            QThread::msleep(static_cast<unsigned long>(delay));
        } else if (!cancel->sleepFor(delay)) {
            result.cancelled = true;
            result.error = QStringLiteral("cancelled");
            return result;
        }
    }
}

S3Result S3Client::putObject(const QString &key, const QByteArray &body, const Headers &headers,
    const Progress &progress, const build::CancelTokenPtr &cancel)
{
    S3HttpRequest request;
    request.method = "PUT";
    request.url = m_location.url(key);
    request.headers = headers;
    request.body = body;
    request.hasBody = true;
    request.progress = progress;
    return send(request, cancel);
}

S3Result S3Client::createMultipartUpload(const QString &key, const Headers &headers,
    QString *uploadId, const build::CancelTokenPtr &cancel)
{
    S3HttpRequest request;
    request.method = "POST";
    // "uploads=": the canonical form of a valueless parameter, which libcurl 7.88 signs as is.
    request.url = m_location.url(key, "uploads=");
    request.headers = headers;
    request.hasBody = true;
    S3Result result = send(request, cancel);
    if (result.ok()) {
        *uploadId = elementText(result.response.body, QStringLiteral("UploadId"));
        if (uploadId->isEmpty())
            result.error = QStringLiteral("POST %1: no UploadId in the response")
                               .arg(QString::fromUtf8(request.url));
    }
    return result;
}

S3Result S3Client::uploadPart(const QString &key, const QString &uploadId, int partNumber,
    const QByteArray &body, QByteArray *etag, const Progress &progress,
    const build::CancelTokenPtr &cancel)
{
    S3HttpRequest request;
    request.method = "PUT";
    request.url = m_location.url(key,
        "partNumber=" + QByteArray::number(partNumber)
            + "&uploadId=" + S3Location::encodeQueryValue(uploadId));
    request.body = body;
    request.hasBody = true;
    request.progress = progress;
    S3Result result = send(request, cancel);
    if (result.ok()) {
        *etag = result.response.header("ETag");
        if (etag->isEmpty())
            result.error = QStringLiteral("PUT %1: no ETag for part %2")
                               .arg(QString::fromUtf8(request.url), QString::number(partNumber));
    }
    return result;
}

S3Result S3Client::completeMultipartUpload(const QString &key, const QString &uploadId,
    const QList<QByteArray> &etags, const build::CancelTokenPtr &cancel)
{
    QByteArray xml = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">";
    for (int i = 0; i < etags.size(); ++i)
        xml += "<Part><PartNumber>" + QByteArray::number(i + 1) + "</PartNumber><ETag>"
            + QString::fromLatin1(etags[i]).toHtmlEscaped().toLatin1() + "</ETag></Part>";
    xml += "</CompleteMultipartUpload>";
    S3HttpRequest request;
    request.method = "POST";
    request.url = m_location.url(key, "uploadId=" + S3Location::encodeQueryValue(uploadId));
    request.headers = {{"Content-Type", "application/xml"}};
    request.body = xml;
    request.hasBody = true;
    return send(request, cancel);
}

S3Result S3Client::abortMultipartUpload(
    const QString &key, const QString &uploadId, const build::CancelTokenPtr &cancel)
{
    S3HttpRequest request;
    request.method = "DELETE";
    request.url = m_location.url(key, "uploadId=" + S3Location::encodeQueryValue(uploadId));
    request.timeoutMs = 30000;
    return send(request, cancel);
}

S3Result S3Client::getObject(const QString &key, const build::CancelTokenPtr &cancel)
{
    S3HttpRequest request;
    request.url = m_location.url(key);
    return send(request, cancel);
}

S3Result S3Client::headObject(const QString &key, const build::CancelTokenPtr &cancel)
{
    S3HttpRequest request;
    request.method = "HEAD";
    request.url = m_location.url(key);
    return send(request, cancel);
}

} // namespace kiln::components::s3
