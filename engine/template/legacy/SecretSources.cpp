#include "engine/template/legacy/SecretSources.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kiln::tmpl::legacy {

namespace {

struct HttpResponse
{
    int status = 0;
    QByteArray body;
};

// Go's syscall error strings for the usual connect failures.
QString errnoText(int e)
{
    switch (e) {
    case ECONNREFUSED: return QStringLiteral("connection refused");
    case ENETUNREACH: return QStringLiteral("network is unreachable");
    case EHOSTUNREACH: return QStringLiteral("no route to host");
    case ETIMEDOUT: return QStringLiteral("i/o timeout");
    default: return QString::fromLocal8Bit(std::strerror(e)).toLower();
    }
}

// A blocking GET; on failure `error` reads as Go's net/http client error.
std::optional<HttpResponse> httpGet(const QUrl &url, const QList<std::pair<QByteArray, QByteArray>> &headers, QString &error)
{
    const QString shown = QStringLiteral("Get \"%1\": ").arg(url.toString(QUrl::FullyEncoded));
    const bool tls = url.scheme() == QLatin1String("https");
    const QString host = url.host();
    const int port = url.port(tls ? 443 : 80);
    const QString hostPort = (host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host) + QLatin1Char(':') + QString::number(port);

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *res = nullptr;
    if (getaddrinfo(host.toUtf8().constData(), QByteArray::number(port).constData(), &hints, &res) != 0 || !res) {
        error = shown + QStringLiteral("dial tcp: lookup %1: no such host").arg(host);
        return std::nullopt;
    }
    int fd = -1;
    int lastErrno = ECONNREFUSED;
    QString remote = hostPort;
    for (addrinfo *ai = res; ai; ai = ai->ai_next) {
        fd = ::socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd < 0)
            continue;
        timeval tv{10, 0};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        if (::connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
            break;
        lastErrno = errno;
        char numeric[NI_MAXHOST] = {};
        if (getnameinfo(ai->ai_addr, ai->ai_addrlen, numeric, sizeof numeric, nullptr, 0, NI_NUMERICHOST) == 0) {
            const QString ip = QString::fromLatin1(numeric);
            remote = (ip.contains(QLatin1Char(':')) ? QLatin1Char('[') + ip + QLatin1Char(']') : ip) + QLatin1Char(':') + QString::number(port);
        }
        ::close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        error = shown + QStringLiteral("dial tcp %1: connect: %2").arg(remote, errnoText(lastErrno));
        return std::nullopt;
    }
    if (tls) {
        ::close(fd);
        error = shown + QStringLiteral("TLS connections are not supported by this Kiln build");
        return std::nullopt;
    }
    QByteArray request = "GET " + url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority) + " HTTP/1.1\r\nHost: "
        + hostPort.toUtf8() + "\r\nUser-Agent: Kiln\r\nAccept-Encoding: identity\r\nConnection: close\r\n";
    for (const auto &[k, v] : headers)
        request += k + ": " + v + "\r\n";
    request += "\r\n";
    for (qsizetype sent = 0; sent < request.size();) {
        const ssize_t n = ::send(fd, request.constData() + sent, size_t(request.size() - sent), MSG_NOSIGNAL);
        if (n <= 0) {
            error = shown + QStringLiteral("write tcp %1: %2").arg(remote, errnoText(errno));
            ::close(fd);
            return std::nullopt;
        }
        sent += n;
    }
    QByteArray raw;
    char buf[8192];
    for (;;) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n < 0) {
            error = shown + QStringLiteral("read tcp %1: i/o timeout").arg(remote);
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0)
            break;
        raw.append(buf, n);
    }
    ::close(fd);
    const qsizetype headerEnd = raw.indexOf("\r\n\r\n");
    if (!raw.startsWith("HTTP/") || headerEnd < 0) {
        error = shown + QStringLiteral("malformed HTTP response");
        return std::nullopt;
    }
    HttpResponse r;
    r.status = raw.mid(raw.indexOf(' ') + 1, 3).toInt();
    const QByteArray head = raw.left(headerEnd).toLower();
    QByteArray body = raw.mid(headerEnd + 4);
    if (head.contains("transfer-encoding: chunked")) {
        QByteArray decoded;
        qsizetype p = 0;
        for (;;) {
            const qsizetype eol = body.indexOf("\r\n", p);
            if (eol < 0)
                break;
            bool ok = false;
            const qsizetype len = body.mid(p, eol - p).split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok || len == 0)
                break;
            decoded += body.mid(eol + 2, len);
            p = eol + 2 + len + 2;
        }
        body = decoded;
    }
    r.body = body;
    return r;
}

QUrl withPath(const QString &base, const QString &path)
{
    QUrl u(base.contains(QLatin1String("://")) ? base : QStringLiteral("http://") + base);
    u.setPath(u.path().chopped(u.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    return u;
}

// ~/.aws/config or credentials: the value of `key` in the profile section.
QString awsSharedValue(const QString &file, const QString &section, const QString &key)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QString current;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.startsWith(QLatin1Char('['))) {
            current = line.mid(1, line.size() - 2).trimmed();
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (current == section && eq > 0 && line.left(eq).trimmed() == key)
            return line.mid(eq + 1).trimmed();
    }
    return {};
}

} // namespace

QString SecretSources::consulKey(const QString &key, const InterpolateContext &ctx, QString &error)
{
    QString addr = ctx.env(QStringLiteral("CONSUL_HTTP_ADDR"));
    if (addr.isEmpty())
        addr = QStringLiteral("127.0.0.1:8500");
    const QString ssl = ctx.env(QStringLiteral("CONSUL_HTTP_SSL")).toLower();
    if (!addr.contains(QLatin1String("://")))
        addr = (ssl == QLatin1String("true") || ssl == QLatin1String("1") ? QStringLiteral("https://") : QStringLiteral("http://")) + addr;
    QString k = key;
    while (k.startsWith(QLatin1Char('/')))
        k.remove(0, 1);
    QList<std::pair<QByteArray, QByteArray>> headers;
    const QString token = ctx.env(QStringLiteral("CONSUL_HTTP_TOKEN"));
    if (!token.isEmpty())
        headers.append({"X-Consul-Token", token.toUtf8()});
    QString httpError;
    const std::optional<HttpResponse> r = httpGet(withPath(addr, QStringLiteral("/v1/kv/") + k), headers, httpError);
    if (!r) {
        error = QStringLiteral("error reading consul key: %1").arg(httpError);
        return {};
    }
    if (r->status == 404) {
        error = QStringLiteral("key does not exist at the given path: %1").arg(key);
        return {};
    }
    if (r->status != 200) {
        error = QStringLiteral("error reading consul key: Unexpected response code: %1 (%2)").arg(r->status).arg(QString::fromUtf8(r->body));
        return {};
    }
    const QJsonArray entries = QJsonDocument::fromJson(r->body).array();
    const QString value = entries.isEmpty() ? QString() : QString::fromUtf8(QByteArray::fromBase64(entries[0].toObject().value(QStringLiteral("Value")).toString().toLatin1()));
    if (value.isEmpty()) {
        error = QStringLiteral("value is empty at path %1").arg(key);
        return {};
    }
    return value;
}

QString SecretSources::vault(const QString &path, const QString &key, const InterpolateContext &ctx, QString &error)
{
    const QString token = ctx.env(QStringLiteral("VAULT_TOKEN"));
    if (token.isEmpty()) {
        error = QStringLiteral("Must set VAULT_TOKEN env var in order to use vault template function");
        return {};
    }
    QString addr = ctx.env(QStringLiteral("VAULT_ADDR"));
    if (addr.isEmpty())
        addr = QStringLiteral("https://127.0.0.1:8200");
    QString p = path;
    while (p.startsWith(QLatin1Char('/')))
        p.remove(0, 1);
    QString httpError;
    const QUrl url = withPath(addr, QStringLiteral("/v1/") + p);
    const std::optional<HttpResponse> r = httpGet(url, {{"X-Vault-Token", token.toUtf8()}}, httpError);
    if (!r) {
        error = QStringLiteral("Error reading vault secret: %1").arg(httpError);
        return {};
    }
    const QJsonObject secret = QJsonDocument::fromJson(r->body).object();
    if (r->status == 404 && !secret.contains(QStringLiteral("data"))) {
        error = QStringLiteral("Vault Secret does not exist at the given path");
        return {};
    }
    if (r->status >= 400) {
        QStringList errs;
        for (const QJsonValue &e : secret.value(QStringLiteral("errors")).toArray())
            errs << QStringLiteral("* ") + e.toString();
        error = QStringLiteral("Error reading vault secret: Error making API request.\n\nURL: GET %1\nCode: %2. Errors:\n\n%3")
                    .arg(url.toString(QUrl::FullyEncoded)).arg(r->status).arg(errs.join(QLatin1Char('\n')));
        return {};
    }
    const QJsonObject data = secret.value(QStringLiteral("data")).toObject();
    if (!data.contains(QStringLiteral("data"))) {
        if (data.contains(key))
            return data.value(key).toString();
        QStringList warnings;
        for (const QJsonValue &w : secret.value(QStringLiteral("warnings")).toArray())
            warnings << w.toString();
        error = QStringLiteral("Vault data was empty at the given path. Check the Vault function docs for help: "
                               "https://www.packer.io/docs/templates/hcl_templates/functions/contextual/vault. "
                               "Original warnings from Vault call: %1").arg(warnings.join(QStringLiteral("; ")));
        return {};
    }
    const QJsonObject inner = data.value(QStringLiteral("data")).toObject();
    if (inner.contains(key))
        return inner.value(key).toString();
    error = QStringLiteral("Vault path does not contain the requested key");
    return {};
}

QString SecretSources::awsSecret(const QString &name, const QString &key, bool raw, const InterpolateContext &ctx, QString &error)
{
    Q_UNUSED(key);
    Q_UNUSED(raw);
    if (name.isEmpty()) {
        error = QStringLiteral("At least one secret name must be provided");
        return {};
    }
    // The AWS SDK's default chain: environment, then the shared config files.
    const QString profile = ctx.env(QStringLiteral("AWS_PROFILE")).isEmpty() ? QStringLiteral("default") : ctx.env(QStringLiteral("AWS_PROFILE"));
    const QString home = QDir::homePath();
    QString configFile = ctx.env(QStringLiteral("AWS_CONFIG_FILE"));
    if (configFile.isEmpty())
        configFile = home + QStringLiteral("/.aws/config");
    QString credentialsFile = ctx.env(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"));
    if (credentialsFile.isEmpty())
        credentialsFile = home + QStringLiteral("/.aws/credentials");
    QString region = ctx.env(QStringLiteral("AWS_REGION"));
    if (region.isEmpty())
        region = ctx.env(QStringLiteral("AWS_DEFAULT_REGION"));
    if (region.isEmpty())
        region = awsSharedValue(configFile, profile == QLatin1String("default") ? profile : QStringLiteral("profile ") + profile, QStringLiteral("region"));
    const QString op = QStringLiteral("operation error Secrets Manager: GetSecretValue, ");
    if (region.isEmpty()) {
        error = op + QStringLiteral("failed to resolve service endpoint, an AWS region is required, but was not found");
        return {};
    }
    const bool haveKeys = !ctx.env(QStringLiteral("AWS_ACCESS_KEY_ID")).isEmpty()
        || !awsSharedValue(credentialsFile, profile, QStringLiteral("aws_access_key_id")).isEmpty();
    if (!haveKeys) {
        error = op + QStringLiteral("get identity: get credentials: failed to refresh cached credentials, no EC2 IMDS role found");
        return {};
    }
    // The service is HTTPS only: connect to report unreachable endpoints as Go would.
    QString httpError;
    httpGet(QUrl(QStringLiteral("https://secretsmanager.%1.amazonaws.com/").arg(region)), {}, httpError);
    error = op + QStringLiteral("https response error: %1").arg(httpError);
    return {};
}

} // namespace kiln::tmpl::legacy
