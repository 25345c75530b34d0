#pragma once

#include "engine/build/CancelToken.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kiln::components {

// What Go's http.Client.Do returned: the final response, or a *url.Error.
struct GoHttpResponse
{
    long status = 0;
    // http.Header: canonical keys ("Content-Type"), values in arrival order.
    QMap<QString, QStringList> headers;
    QByteArray body;
    // `Get "http://x/": <reason>`; empty when a response arrived, whatever its status.
    QString error;
    bool cancelled = false;
};

// Sends a request the way Packer's http data source does with Go's default http.Client
// (over libcurl): Go's request headers (User-Agent, transparent gzip), its redirect policy
// (at most 10; 301/302/303 turn into GET without body, 307/308 resend; credentials are not
// sent to another host) and its error texts. Packer users rely on these semantics, so the
// data source must not inherit curl's own.
class GoHttpClient
{
public:
    struct Request
    {
        QString method = QStringLiteral("GET");
        QString url;
        QMap<QString, QString> headers; // Header.Set per entry: keys are canonicalised
        QByteArray body;
    };

    static GoHttpResponse send(const Request &request, const build::CancelTokenPtr &cancel);

    // textproto.CanonicalMIMEHeaderKey: "content-type" -> "Content-Type"; a key with a byte
    // that is not a token character is returned unchanged.
    static QString canonicalHeaderKey(const QString &key);
};

} // namespace kiln::components
