#include "components/datasources/http/GoHttpClient.h"

#include "components/shared/CurlRequest.h"
#include "engine/hcl/value/GoFormat.h"

#include <QUrl>

namespace kiln::components {

namespace {

// Go's defaultCheckRedirect limit.
constexpr int maxRequests = 10;

bool isTokenChar(QChar c)
{
    static const QString extra = QStringLiteral("!#$%&'*+-.^_`|~");
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
        || extra.contains(c);
}

// url.Error's Op: "Get", "Post", ... from the first request's method.
QString errorOp(const QString &method)
{
    return method.isEmpty() ? method : method.left(1) + method.mid(1).toLower();
}

// stripPassword: the password of a URL never reaches an error message.
QString stripPassword(const QUrl &url, const QString &text)
{
    if (url.password().isEmpty())
        return text;
    QUrl copy = url;
    copy.setPassword(QStringLiteral("***"));
    return copy.toString();
}

QString urlError(const QString &method, const QUrl &url, const QString &text, const QString &reason)
{
    return QStringLiteral("%1 %2: %3")
        .arg(errorOp(method), hcl::quoteGo(stripPassword(url, text)), reason);
}

// canonicalAddr: host:port with the scheme's default port, for the credential check.
QString canonicalAddr(const QUrl &url)
{
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    return url.host().toLower() + QLatin1Char(':') + QString::number(port);
}

// shouldCopyHeaderOnRedirect: credentials only follow to the same host or a subdomain.
bool keepHeaderOnRedirect(const QString &key, const QUrl &initial, const QUrl &dest)
{
    static const QStringList sensitive = {QStringLiteral("Authorization"),
        QStringLiteral("Www-Authenticate"), QStringLiteral("Cookie"), QStringLiteral("Cookie2")};
    if (!sensitive.contains(key))
        return true;
    const QString ihost = canonicalAddr(initial);
    const QString dhost = canonicalAddr(dest);
    return dhost == ihost || dhost.endsWith(QLatin1Char('.') + ihost);
}

// What Go's transport puts on the wire for one hop.
CurlResponse sendHop(const QString &method, const QUrl &url, const QMap<QString, QString> &headers,
    const QByteArray *body, const build::CancelTokenPtr &cancel)
{
    CurlRequest req(url.toString(QUrl::FullyEncoded));
    req.setMethod(method.toUtf8());
    // Go sends "Content-Length: 0" for a body-less POST, PUT or PATCH.
    const bool emptyBodyMethod = method == QLatin1String("POST") || method == QLatin1String("PUT")
        || method == QLatin1String("PATCH");
    if (body)
        req.setBody(*body, emptyBodyMethod);
    else if (emptyBodyMethod)
        req.setBody({}, true);
    // Packer's requests identify as Go's client; servers that vary on the agent must see
    // the same request from Kiln. request_headers can override it.
    req.setUserAgent(
        headers.value(QStringLiteral("User-Agent"), QStringLiteral("Go-http-client/1.1")).toUtf8());
    // Go asks for gzip itself (and then decodes it) unless the caller chose an encoding,
    // asked for a range, or sends HEAD.
    if (!headers.contains(QStringLiteral("Accept-Encoding"))
        && !headers.contains(QStringLiteral("Range")) && method != QLatin1String("HEAD"))
        req.setAcceptEncoding("gzip");
    // curl adds "Accept: */*"; Go sends no Accept header.
    if (!headers.contains(QStringLiteral("Accept")))
        req.removeHeader("Accept");
    for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
        if (it.key() == QLatin1String("User-Agent"))
            continue;
        req.addHeader(it.key().toUtf8(), it.value().toUtf8());
    }
    return req.perform(cancel);
}

} // namespace

QString GoHttpClient::canonicalHeaderKey(const QString &key)
{
    for (QChar c : key)
        if (!isTokenChar(c))
            return key;
    QString out = key;
    bool upper = true;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QChar c = out.at(i);
        if (upper && c >= u'a' && c <= u'z')
            out[i] = c.toUpper();
        else if (!upper && c >= u'A' && c <= u'Z')
            out[i] = c.toLower();
        upper = c == u'-';
    }
    return out;
}

GoHttpResponse GoHttpClient::send(const Request &request, const build::CancelTokenPtr &cancel)
{
    GoHttpResponse out;
    const QUrl initial(request.url, QUrl::StrictMode);
    if (!initial.isValid()) {
        out.error
            = QStringLiteral("parse %1: %2").arg(hcl::quoteGo(request.url), initial.errorString());
        return out;
    }

    QMap<QString, QString> initialHeaders;
    for (auto it = request.headers.cbegin(); it != request.headers.cend(); ++it) {
        const QString key = canonicalHeaderKey(it.key());
        // Go's client takes the Host from the URL and ignores a Host header.
        if (key != QLatin1String("Host"))
            initialHeaders.insert(key, it.value());
    }

    QString method = request.method;
    QUrl url = initial;
    QString urlText = request.url;
    QMap<QString, QString> headers = initialHeaders;
    bool includeBody = !request.body.isEmpty();
    int requests = 0;
    for (;;) {
        const QString scheme = url.scheme().toLower();
        if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
            out.error = urlError(request.method, url, urlText,
                QStringLiteral("unsupported protocol scheme %1").arg(hcl::quoteGo(url.scheme())));
            return out;
        }
        if (url.host().isEmpty()) {
            out.error = urlError(
                request.method, url, urlText, QStringLiteral("http: no Host in request URL"));
            return out;
        }

        const CurlResponse hop
            = sendHop(method, url, headers, includeBody ? &request.body : nullptr, cancel);
        ++requests;
        if (!hop.ok()) {
            out.cancelled = hop.cancelled;
            out.error = urlError(request.method, url, urlText, hop.error);
            return out;
        }

        out.status = hop.status;
        out.body = hop.body;
        out.headers.clear();
        for (const auto &[name, value] : hop.headers)
            out.headers[canonicalHeaderKey(QString::fromLatin1(name))] << QString::fromUtf8(value);
        if (hop.decoded) {
            // Go hides a compression it negotiated itself.
            out.headers.remove(QStringLiteral("Content-Encoding"));
            out.headers.remove(QStringLiteral("Content-Length"));
        }

        // redirectBehavior
        const QString location = out.headers.value(QStringLiteral("Location")).value(0);
        bool keepBody = false;
        if (hop.status == 301 || hop.status == 302 || hop.status == 303) {
            if (method != QLatin1String("GET") && method != QLatin1String("HEAD"))
                method = QStringLiteral("GET");
        } else if (hop.status == 307 || hop.status == 308) {
            // Go 1.8 started following these; without a Location it returns the response.
            if (location.isEmpty())
                return out;
            keepBody = true;
        } else {
            return out;
        }
        if (location.isEmpty()) {
            out.error = urlError(request.method, url, urlText,
                QStringLiteral("%1 response missing Location header").arg(hop.status));
            return out;
        }
        const QUrl next = url.resolved(QUrl(location));
        if (!next.isValid()) {
            out.error = urlError(request.method, url, urlText,
                QStringLiteral("failed to parse Location header %1: %2")
                    .arg(hcl::quoteGo(location), QUrl(location).errorString()));
            return out;
        }
        if (requests >= maxRequests) {
            // Go reports the Location it refused to follow.
            out.error = urlError(
                request.method, next, location, QStringLiteral("stopped after 10 redirects"));
            return out;
        }

        headers.clear();
        for (auto it = initialHeaders.cbegin(); it != initialHeaders.cend(); ++it)
            if (keepHeaderOnRedirect(it.key(), initial, next))
                headers.insert(it.key(), it.value());
        // refererForURL: never leak an https URL to plain http.
        if (!headers.contains(QStringLiteral("Referer"))
            && !(url.scheme() == QLatin1String("https") && next.scheme() == QLatin1String("http")))
            headers.insert(
                QStringLiteral("Referer"), url.toString(QUrl::RemoveUserInfo | QUrl::FullyEncoded));
        includeBody = keepBody && includeBody;
        url = next;
        urlText = next.toString(QUrl::FullyEncoded);
    }
}

} // namespace kiln::components
