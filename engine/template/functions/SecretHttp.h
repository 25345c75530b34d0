#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace kiln::tmpl {

// A blocking HTTP request for the secret-store functions (vault, consul_key,
// aws_secretsmanager), which HCL evaluates synchronously. Runs its own event
// loop, so it works on any thread. Times out after 60 s as the Go clients'
// defaults effectively do for an unreachable server.
struct SecretHttpResponse
{
    int status = 0; // 0 when the request failed before a response
    QByteArray body;
    QString error; // transport error text when status == 0
};

SecretHttpResponse secretHttpRequest(const QByteArray &method, const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers,
                                     const QByteArray &body = {});

} // namespace kiln::tmpl
