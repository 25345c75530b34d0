#include "components/Descriptors.h"
#include "components/datasources/http/GoHttpClient.h"
#include "components/datasources/http/HttpDataSource.h"
#include "components/shared/CurlRequest.h"
#include "engine/build/ComponentConfig.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <zlib.h>

using namespace kiln;
using namespace kiln::components;
using hcl::Value;

namespace {

struct HttpRequest
{
    QByteArray method;
    QByteArray path;
    QList<std::pair<QByteArray, QByteArray>> headers; // as sent on the wire
    QByteArray body;

    bool has(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        return false;
    }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
    // The header's name exactly as the client spelled it.
    QByteArray spelling(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.first;
        return {};
    }
};

QByteArray reply(int status, const QList<std::pair<QByteArray, QByteArray>> &headers,
    const QByteArray &body, bool headOnly = false)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " Status\r\n";
    for (const auto &[k, v] : headers)
        out += k + ": " + v + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
    if (!headOnly)
        out += body;
    return out;
}

QByteArray gzip(const QByteArray &data)
{
    z_stream zs{};
    deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&zs, uLong(data.size()))) + 32, '\0');
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return out;
}

// A real HTTP/1.1 server on 127.0.0.1 (a free port), serving from the test's event loop.
// The handler's empty answer means "never answer" (a stalled server).
class TestHttpServer : public QObject
{
public:
    std::function<QByteArray(const HttpRequest &)> handler;
    QList<HttpRequest> requests;

    TestHttpServer()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection())
                connect(s, &QTcpSocket::readyRead, this,
                    [this, s] { onData(s, [s] { s->disconnectFromHost(); }); });
        });
    }
    // Also serves on a unix socket (the docker daemon's transport).
    bool listenUnix(const QString &path)
    {
        connect(&m_local, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *s = m_local.nextPendingConnection())
                connect(s, &QLocalSocket::readyRead, this,
                    [this, s] { onData(s, [s] { s->disconnectFromServer(); }); });
        });
        return m_local.listen(path);
    }
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &path, const QString &host = QStringLiteral("127.0.0.1")) const
    {
        return QStringLiteral("http://%1:%2%3").arg(host).arg(port()).arg(path);
    }

private:
    void onData(QIODevice *s, const std::function<void()> &close)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        const qsizetype end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buf.left(end).split('\n');
        HttpRequest req;
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        req.method = first.value(0);
        req.path = first.value(1);
        qint64 length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            req.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
            if (line.left(colon).compare("Content-Length", Qt::CaseInsensitive) == 0)
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        if (buf.size() < end + 4 + length)
            return;
        req.body = buf.mid(end + 4, length);
        m_buffers.remove(s);
        requests << req;
        const QByteArray answer = handler(req);
        if (answer.isEmpty())
            return;
        s->write(answer);
        close();
    }

    QTcpServer m_server;
    QLocalServer m_local;
    QHash<QIODevice *, QByteArray> m_buffers;
};

build::ComponentConfig config(const QMap<QString, Value> &attrs)
{
    return build::ComponentConfig(Value::object(attrs));
}

// Runs execute() on a worker thread while this thread's event loop serves the requests.
Value execute(HttpDataSource &ds, const build::CancelTokenPtr &cancel, QString *error)
{
    auto future = QtConcurrent::run([&ds, cancel, error] { return ds.execute(cancel, error); });
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return future.result();
}

QString attr(const Value &v, const QString &name)
{
    return v.attribute(name).asString();
}

QString header(const Value &v, const QString &name)
{
    const Value headers = v.attribute(QStringLiteral("request_headers"));
    return headers.hasAttribute(name) ? headers.attribute(name).asString()
                                      : QStringLiteral("<absent>");
}

} // namespace

class TestHttpDataSource : public QObject
{
    Q_OBJECT

private slots:
    void descriptorCreatesRunnableComponent();
    void prepareErrors_data();
    void prepareErrors();
    void getReturnsBodyHeadersAndStatus();
    void requestCarriesGoHeaders();
    void postSendsBodyVerbatim();
    void putWithoutBodySendsZeroLength();
    void headHasNoBody();
    void non2xxFails_data();
    void non2xxFails();
    void followsRedirects();
    void redirectRules_data();
    void redirectRules();
    void stopsAfterTenRedirects();
    void redirectWithoutLocation();
    void credentialsStayOnTheirHost();
    void gzipIsDecodedTransparently();
    void cancelWhileServerStalls();
    void transportErrorsAreUrlErrors();
    void curlStreamsToSinkWithProgress();
    void curlFollowsRedirectsItself();
    void curlTimeout();
    void curlOverUnixSocket();
    void contentTypeText_data();
    void contentTypeText();
    void canonicalHeaderKey_data();
    void canonicalHeaderKey();
};

void TestHttpDataSource::descriptorCreatesRunnableComponent()
{
    const auto d = httpDataSourceDescriptor();
    QVERIFY(d.create);
    auto component = d.create();
    QVERIFY(dynamic_cast<HttpDataSource *>(component.get()));
    // Packer's DatasourceOutput, and the value execute() returns, have the same attributes.
    QCOMPARE(d.outputs.keys(), (QStringList{"url", "body", "request_headers"}));
}

void TestHttpDataSource::prepareErrors_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QStringList>("errors");
    const QString methods
        = QStringLiteral("the `method` must be one of [HEAD GET POST PUT DELETE OPTIONS PATCH]");
    QTest::newRow("ok") << "http://x/"
                        << "" << QStringList();
    QTest::newRow("empty url") << ""
                               << "" << QStringList{"the `url` must be specified"};
    QTest::newRow("bad method") << "https://www.packer.io/"
                                << "NONEEXISTING" << QStringList{methods};
    QTest::newRow("lower-case method") << "http://x/"
                                       << "get" << QStringList{methods};
    QTest::newRow("both") << ""
                          << "FETCH" << QStringList{"the `url` must be specified", methods};
}

void TestHttpDataSource::prepareErrors()
{
    QFETCH(QString, url);
    QFETCH(QString, method);
    QFETCH(QStringList, errors);
    QMap<QString, Value> attrs{{QStringLiteral("url"), Value::string(url)}};
    if (!method.isEmpty())
        attrs.insert(QStringLiteral("method"), Value::string(method));
    HttpDataSource ds;
    QCOMPARE(ds.prepare(config(attrs)).errors, errors);
}

void TestHttpDataSource::getReturnsBodyHeadersAndStatus()
{
    TestHttpServer server;
    server.handler = [](const HttpRequest &) {
        return reply(200,
            {{"content-type", "text/plain; charset=utf-8"}, {"X-Multi", "a"}, {"x-multi", "b"}},
            "héllo\n");
    };
    HttpDataSource ds;
    QVERIFY(ds.prepare(config({{QStringLiteral("url"), Value::string(server.url("/doc"))}})).ok());
    QString error;
    const Value out = execute(ds, build::CancelToken::create(), &error);
    QCOMPARE(error, QString());
    QCOMPARE(server.requests.size(), 1);
    QCOMPARE(server.requests[0].method, QByteArray("GET"));
    QCOMPARE(server.requests[0].path, QByteArray("/doc"));
    QCOMPARE(attr(out, "url"), server.url("/doc"));
    QCOMPARE(attr(out, "body"), QStringLiteral("héllo\n"));
    QCOMPARE(out.attributes().keys(), (QStringList{"body", "request_headers", "url"}));
    QCOMPARE(header(out, "Content-Type"), QStringLiteral("text/plain; charset=utf-8"));
    QCOMPARE(header(out, "X-Multi"), QStringLiteral("a, b"));
    QCOMPARE(header(out, "Content-Length"), QStringLiteral("7"));
}

void TestHttpDataSource::requestCarriesGoHeaders()
{
    TestHttpServer server;
    server.handler = [](const HttpRequest &) {
        return reply(200, {{"Content-Type", "application/json"}}, "{}");
    };
    HttpDataSource ds;
    const Value headers = Value::map({{QStringLiteral("x-custom-thing"), Value::string("v1")},
        {QStringLiteral("authorization"), Value::string("Bearer t")},
        {QStringLiteral("X-Empty"), Value::string("")}});
    QVERIFY(ds.prepare(config({{QStringLiteral("url"), Value::string(server.url("/"))},
                           {QStringLiteral("request_headers"), headers}}))
                .ok());
    QString error;
    execute(ds, build::CancelToken::create(), &error);
    QCOMPARE(error, QString());
    const HttpRequest &req = server.requests.value(0);
    // Header.Set canonicalises the names; Go's client adds its agent and asks for gzip, and
    // sends no Accept.
    QCOMPARE(req.spelling("x-custom-thing"), QByteArray("X-Custom-Thing"));
    QCOMPARE(req.header("X-Custom-Thing"), QByteArray("v1"));
    QCOMPARE(req.spelling("authorization"), QByteArray("Authorization"));
    QCOMPARE(req.header("Authorization"), QByteArray("Bearer t"));
    QVERIFY(req.has("X-Empty"));
    QCOMPARE(req.header("X-Empty"), QByteArray());
    QCOMPARE(req.header("User-Agent"), QByteArray("Go-http-client/1.1"));
    QCOMPARE(req.header("Accept-Encoding"), QByteArray("gzip"));
    QVERIFY(!req.has("Accept"));
    QVERIFY(!req.has("Expect"));
    QVERIFY(!req.has("Content-Length"));
}

void TestHttpDataSource::postSendsBodyVerbatim()
{
    TestHttpServer server;
    server.handler = [](const HttpRequest &r) {
        return reply(201, {{"Content-Type", "text/plain"}}, "got " + r.body);
    };
    HttpDataSource ds;
    const QByteArray payload = QByteArray(5000, 'x') + "&a=b"; // large enough for curl's Expect
    QVERIFY(ds
                .prepare(config({{QStringLiteral("url"), Value::string(server.url("/p"))},
                    {QStringLiteral("method"), Value::string("POST")},
                    {QStringLiteral("request_body"), Value::string(QString::fromLatin1(payload))}}))
                .ok());
    QString error;
    const Value out = execute(ds, build::CancelToken::create(), &error);
    QCOMPARE(error, QString());
    const HttpRequest &req = server.requests.value(0);
    QCOMPARE(req.method, QByteArray("POST"));
    QCOMPARE(req.body, payload);
    QCOMPARE(req.header("Content-Length"), QByteArray::number(payload.size()));
    QVERIFY2(!req.has("Content-Type"), "curl's form content type must not be sent");
    QVERIFY(!req.has("Expect"));
    QCOMPARE(attr(out, "body"), QString::fromLatin1("got " + payload));
}

void TestHttpDataSource::putWithoutBodySendsZeroLength()
{
    TestHttpServer server;
    server.handler = [](const HttpRequest &) {
        return reply(200, {{"Content-Type", "text/plain"}}, "ok");
    };
    HttpDataSource ds;
    QVERIFY(ds.prepare(config({{QStringLiteral("url"), Value::string(server.url("/"))},
                           {QStringLiteral("method"), Value::string("PUT")}}))
                .ok());
    QString error;
    execute(ds, build::CancelToken::create(), &error);
    QCOMPARE(error, QString());
    QCOMPARE(server.requests.value(0).method, QByteArray("PUT"));
    QCOMPARE(server.requests.value(0).header("Content-Length"), QByteArray("0"));
}

void TestHttpDataSource::headHasNoBody()
{
    TestHttpServer server;
    server.handler = [](const HttpRequest &) {
        return reply(200, {{"Content-Type", "text/plain"}}, "12345", true);
    };
    HttpDataSource ds;
    QVERIFY(ds.prepare(config({{QStringLiteral("url"), Value::string(server.url("/"))},
                           {QStringLiteral("method"), Value::string("HEAD")}}))
                .ok());
    QString error;
    const Value out = execute(ds, build::CancelToken::create(), &error);
    QCOMPARE(error, QString());
    QCOMPARE(server.requests.value(0).method, QByteArray("HEAD"));
    QVERIFY(!server.requests.value(0).has("Accept-Encoding"));
    QCOMPARE(attr(out, "body"), QString());
    QCOMPARE(header(out, "Content-Length"), QStringLiteral("5"));
}

void TestHttpDataSource::non2xxFails_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::newRow("404") << 404 << "HTTP request error. Response code: 404";
    QTest::newRow("500") << 500 << "HTTP request error. Response code: 500";
    QTest::newRow("304") << 304 << "HTTP request error. Response code: 304";
    QTest::newRow("300 is not followed") << 300 << "HTTP request error. Response code: 300";
    QTest::newRow("204") << 204 << "";
    QTest::newRow("299") << 299 << "";
}

void TestHttpDataSource::non2xxFails()
{
    QFETCH(int, status);
    QFETCH(QString, error);
    TestHttpServer server;
    server.handler = [status](const HttpRequest &) {
        return reply(
            status, {{"Content-Type", "text/html"}}, status == 204 || status == 304 ? "" : "page");
    };
    HttpDataSource ds;
    QVERIFY(
        ds.prepare(config({{QStringLiteral("url"), Value::string(server.url("/missing"))}})).ok());
    QString actual;
    const Value out = execute(ds, build::CancelToken::create(), &actual);
    QCOMPARE(actual, error);
    if (error.isEmpty())
        QCOMPARE(header(out, "Content-Type"), QStringLiteral("text/html"));
}

void TestHttpDataSource::followsRedirects()
{
    TestHttpServer server;
    server.handler = [&server](const HttpRequest &r) {
        if (r.path == "/old")
            return reply(301, {{"Location", server.url("/mid").toUtf8()}}, "moved");
        if (r.path == "/mid")
            return reply(302, {{"Location", "final?x=1"}}, "");
        return reply(200, {{"Content-Type", "text/plain"}}, "final " + r.path);
    };
    HttpDataSource ds;
    QVERIFY(ds.prepare(config({{QStringLiteral("url"), Value::string(server.url("/old"))}})).ok());
    QString error;
    const Value out = execute(ds, build::CancelToken::create(), &error);
    QCOMPARE(error, QString());
    QCOMPARE(server.requests.size(), 3);
    QCOMPARE(attr(out, "body"), QStringLiteral("final /final?x=1"));
    // Packer reports the URL it was given, not where it ended.
    QCOMPARE(attr(out, "url"), server.url("/old"));
    QCOMPARE(server.requests[2].header("Referer"), server.url("/mid").toUtf8());
}

void TestHttpDataSource::redirectRules_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("nextMethod");
    QTest::addColumn<bool>("bodyResent");
    QTest::newRow("POST 302 -> GET") << "POST" << 302 << "GET" << false;
    QTest::newRow("PUT 303 -> GET") << "PUT" << 303 << "GET" << false;
    QTest::newRow("DELETE 301 -> GET") << "DELETE" << 301 << "GET" << false;
    QTest::newRow("HEAD 302 stays HEAD") << "HEAD" << 302 << "HEAD" << false;
    QTest::newRow("POST 307 resends") << "POST" << 307 << "POST" << true;
    QTest::newRow("PATCH 308 resends") << "PATCH" << 308 << "PATCH" << true;
}

void TestHttpDataSource::redirectRules()
{
    QFETCH(QString, method);
    QFETCH(int, status);
    QFETCH(QString, nextMethod);
    QFETCH(bool, bodyResent);
    TestHttpServer server;
    server.handler = [status](const HttpRequest &r) {
        if (r.path == "/start")
            return reply(status, {{"Location", "/next"}}, "");
        return reply(200, {{"Content-Type", "text/plain"}}, "done", r.method == "HEAD");
    };
    HttpDataSource ds;
    QVERIFY(ds.prepare(config({{QStringLiteral("url"), Value::string(server.url("/start"))},
                           {QStringLiteral("method"), Value::string(method)},
                           {QStringLiteral("request_body"),
                               Value::string(method == "HEAD" ? "" : "payload")}}))
                .ok());
    QString error;
    execute(ds, build::CancelToken::create(), &error);
    QCOMPARE(error, QString());
    QCOMPARE(server.requests.size(), 2);
    QCOMPARE(server.requests[1].method, nextMethod.toUtf8());
    QCOMPARE(server.requests[1].body, bodyResent ? QByteArray("payload") : QByteArray());
}

void TestHttpDataSource::stopsAfterTenRedirects()
{
    TestHttpServer server;
    server.handler = [](const HttpRequest &r) {
        const int n = r.path.mid(6).toInt();
        return reply(302, {{"Location", "/loop/" + QByteArray::number(n + 1)}}, "");
    };
    HttpDataSource ds;
    QVERIFY(
        ds.prepare(config({{QStringLiteral("url"), Value::string(server.url("/loop/0"))}})).ok());
    QString error;
    execute(ds, build::CancelToken::create(), &error);
    QCOMPARE(server.requests.size(), 10);
    QCOMPARE(error, QStringLiteral("Get \"/loop/10\": stopped after 10 redirects"));
}

void TestHttpDataSource::redirectWithoutLocation()
{
    TestHttpServer server;
    server.handler = [](const HttpRequest &r) { return reply(r.path == "/a" ? 302 : 307, {}, ""); };
    HttpDataSource ds;
    QVERIFY(ds.prepare(config({{QStringLiteral("url"), Value::string(server.url("/a"))}})).ok());
    QString error;
    execute(ds, build::CancelToken::create(), &error);
    QCOMPARE(error,
        QStringLiteral("Get \"%1\": 302 response missing Location header").arg(server.url("/a")));

    // A 307 without Location is handed back as the response (Go's issue 17773).
    HttpDataSource ds307;
    QVERIFY(ds307.prepare(config({{QStringLiteral("url"), Value::string(server.url("/b"))}})).ok());
    execute(ds307, build::CancelToken::create(), &error);
    QCOMPARE(error, QStringLiteral("HTTP request error. Response code: 307"));
}

void TestHttpDataSource::credentialsStayOnTheirHost()
{
    TestHttpServer server;
    server.handler = [&server](const HttpRequest &r) {
        if (r.path == "/same")
            return reply(302, {{"Location", "/other-host"}}, "");
        if (r.path == "/other-host")
            return reply(
                302, {{"Location", server.url("/end", QStringLiteral("localhost")).toUtf8()}}, "");
        return reply(200, {{"Content-Type", "text/plain"}}, "ok");
    };
    HttpDataSource ds;
    QVERIFY(
        ds.prepare(config({{QStringLiteral("url"), Value::string(server.url("/same"))},
                       {QStringLiteral("request_headers"),
                           Value::map({{QStringLiteral("Authorization"), Value::string("secret")},
                               {QStringLiteral("X-Other"), Value::string("kept")}})}}))
            .ok());
    QString error;
    execute(ds, build::CancelToken::create(), &error);
    QCOMPARE(error, QString());
    QCOMPARE(server.requests.size(), 3);
    QCOMPARE(server.requests[1].header("Authorization"), QByteArray("secret"));
    QVERIFY(!server.requests[2].has("Authorization"));
    QCOMPARE(server.requests[2].header("X-Other"), QByteArray("kept"));
}

void TestHttpDataSource::gzipIsDecodedTransparently()
{
    const QByteArray text = QByteArray("compressible text ").repeated(200);
    TestHttpServer server;
    server.handler = [&text](const HttpRequest &r) {
        if (r.header("Accept-Encoding") == "gzip")
            return reply(
                200, {{"Content-Type", "text/plain"}, {"Content-Encoding", "gzip"}}, gzip(text));
        return reply(200, {{"Content-Type", "text/plain"}}, text);
    };
    HttpDataSource ds;
    QVERIFY(ds.prepare(config({{QStringLiteral("url"), Value::string(server.url("/z"))}})).ok());
    QString error;
    const Value out = execute(ds, build::CancelToken::create(), &error);
    QCOMPARE(error, QString());
    QCOMPARE(attr(out, "body"), QString::fromLatin1(text));
    QCOMPARE(header(out, "Content-Encoding"), QStringLiteral("<absent>"));
    QCOMPARE(header(out, "Content-Length"), QStringLiteral("<absent>"));

    // A caller that asks for an encoding itself gets the bytes and headers as sent.
    HttpDataSource raw;
    QVERIFY(
        raw
            .prepare(config({{QStringLiteral("url"), Value::string(server.url("/z"))},
                {QStringLiteral("request_headers"),
                    Value::map({{QStringLiteral("Accept-Encoding"), Value::string("identity")}})}}))
            .ok());
    const Value plain = execute(raw, build::CancelToken::create(), &error);
    QCOMPARE(error, QString());
    QCOMPARE(server.requests.last().header("Accept-Encoding"), QByteArray("identity"));
    QCOMPARE(header(plain, "Content-Length"), QString::number(text.size()));
}

void TestHttpDataSource::cancelWhileServerStalls()
{
    TestHttpServer server;
    server.handler = [](const HttpRequest &) { return QByteArray(); };
    HttpDataSource ds;
    QVERIFY(ds.prepare(config({{QStringLiteral("url"), Value::string(server.url("/slow"))}})).ok());
    const auto cancel = build::CancelToken::create();
    QTimer::singleShot(300, [cancel] { cancel->cancel(); });
    QElapsedTimer timer;
    timer.start();
    QString error;
    execute(ds, cancel, &error);
    QVERIFY2(timer.elapsed() < 900, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(server.requests.size(), 1);
    QCOMPARE(error, QStringLiteral("Get \"%1\": cancelled").arg(server.url("/slow")));
}

void TestHttpDataSource::transportErrorsAreUrlErrors()
{
    // A port nobody listens on: bind one, remember it, close it.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const QString refused = QStringLiteral("http://127.0.0.1:%1/x").arg(port);
    HttpDataSource ds;
    QVERIFY(ds.prepare(config({{QStringLiteral("url"), Value::string(refused)},
                           {QStringLiteral("method"), Value::string("POST")}}))
                .ok());
    QString error;
    execute(ds, build::CancelToken::create(), &error);
    QVERIFY2(error.startsWith(QStringLiteral("Post \"%1\": ").arg(refused)), qPrintable(error));

    GoHttpClient::Request req;
    req.url = QStringLiteral("ftp://example.com/f");
    QCOMPARE(GoHttpClient::send(req, nullptr).error,
        QStringLiteral("Get \"ftp://example.com/f\": unsupported protocol scheme \"ftp\""));
    req.url = QStringLiteral("http://user:pw@/path");
    QCOMPARE(GoHttpClient::send(req, nullptr).error,
        QStringLiteral("Get \"http://user:***@/path\": http: no Host in request URL"));
}

// CurlRequest on its own, as downloads and the docker builder use it.
template <typename Fn> CurlResponse performAsync(Fn fn)
{
    auto future = QtConcurrent::run(fn);
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return future.result();
}

void TestHttpDataSource::curlStreamsToSinkWithProgress()
{
    QByteArray big;
    for (int i = 0; big.size() < 5 * 1024 * 1024; ++i)
        big += QByteArray::number(i) + ',';
    TestHttpServer server;
    server.handler = [&big](const HttpRequest &) {
        return reply(200, {{"Content-Type", "application/octet-stream"}}, big);
    };
    QByteArray received;
    QBuffer sink(&received);
    sink.open(QIODevice::WriteOnly);
    qint64 lastDone = 0, lastTotal = 0;
    int calls = 0;
    const CurlResponse r = performAsync([&] {
        CurlRequest req(server.url("/iso"));
        req.setBodySink(&sink);
        req.setProgress([&](qint64 done, qint64 total) {
            lastDone = done;
            lastTotal = total;
            ++calls;
        });
        return req.perform(build::CancelToken::create());
    });
    QCOMPARE(r.error, QString());
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.isEmpty()); // went to the sink
    QCOMPARE(received, big);
    QVERIFY(calls >= 1);
    QCOMPARE(lastDone, big.size());
    QCOMPARE(lastTotal, big.size());
}

void TestHttpDataSource::curlFollowsRedirectsItself()
{
    TestHttpServer server;
    server.handler = [](const HttpRequest &r) {
        if (r.path == "/a")
            return reply(302, {{"Location", "/b"}, {"X-First", "1"}}, "");
        return reply(200, {{"X-Second", "2"}}, "b");
    };
    const CurlResponse followed = performAsync([&] {
        CurlRequest req(server.url("/a"));
        req.setFollowRedirects(true);
        return req.perform(nullptr);
    });
    QCOMPARE(followed.status, 200);
    QCOMPARE(followed.body, QByteArray("b"));
    // Only the last response's headers.
    QVERIFY(followed.headerValues("X-First").isEmpty());
    QCOMPARE(followed.headerValues("x-second"), QList<QByteArray>{"2"});

    const CurlResponse stopped
        = performAsync([&] { return CurlRequest(server.url("/a")).perform(nullptr); });
    QCOMPARE(stopped.status, 302);
    QCOMPARE(stopped.redirectUrl, server.url("/b"));
}

void TestHttpDataSource::curlTimeout()
{
    TestHttpServer server;
    server.handler = [](const HttpRequest &) { return QByteArray(); };
    QElapsedTimer timer;
    timer.start();
    const CurlResponse r = performAsync([&] {
        CurlRequest req(server.url("/stall"));
        req.setTimeoutMs(300);
        return req.perform(nullptr);
    });
    QVERIFY2(!r.ok() && !r.cancelled, qPrintable(r.error));
    QVERIFY2(r.error.contains("timed out", Qt::CaseInsensitive), qPrintable(r.error));
    QVERIFY(timer.elapsed() < 3000);
}

void TestHttpDataSource::curlOverUnixSocket()
{
    QTemporaryDir dir;
    TestHttpServer server;
    const QString socket = dir.filePath(QStringLiteral("docker.sock"));
    QVERIFY(server.listenUnix(socket));
    server.handler = [](const HttpRequest &r) {
        return reply(200, {{"Content-Type", "application/json"}}, "{\"path\":\"" + r.path + "\"}");
    };
    const CurlResponse r = performAsync([&] {
        CurlRequest req(QStringLiteral("http://localhost/v1.41/version"));
        req.setUnixSocketPath(socket);
        return req.perform(build::CancelToken::create());
    });
    QCOMPARE(r.error, QString());
    QCOMPARE(r.body, QByteArray("{\"path\":\"/v1.41/version\"}"));
}

void TestHttpDataSource::contentTypeText_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("text");
    QTest::newRow("plain") << "text/plain" << true;
    QTest::newRow("html utf8") << "text/html; charset=UTF-8" << true;
    QTest::newRow("quoted ascii") << "text/csv; charset=\"us-ascii\"" << true;
    QTest::newRow("latin1") << "text/plain; charset=iso-8859-1" << false;
    QTest::newRow("json") << "application/json" << true;
    QTest::newRow("JSON upper") << "Application/JSON" << true;
    QTest::newRow("json suffix") << "application/json-seq" << false;
    QTest::newRow("saml") << "application/samlmetadata+xml" << true;
    QTest::newRow("binary") << "application/octet-stream" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("no subtype") << "text" << false;
    QTest::newRow("bad param") << "text/plain; charset" << false;
}

void TestHttpDataSource::contentTypeText()
{
    QFETCH(QString, type);
    QFETCH(bool, text);
    QCOMPARE(HttpDataSource::isContentTypeText(type), text);
}

void TestHttpDataSource::canonicalHeaderKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("lower") << "content-type"
                           << "Content-Type";
    QTest::newRow("upper") << "ACCEPT-ENCODING"
                           << "Accept-Encoding";
    QTest::newRow("mixed") << "x-aMz-DATE"
                           << "X-Amz-Date";
    QTest::newRow("digits") << "x-1a"
                            << "X-1a";
    QTest::newRow("space kept") << "bad key"
                                << "bad key";
    QTest::newRow("underscore") << "my_header"
                                << "My_header";
}

void TestHttpDataSource::canonicalHeaderKey()
{
    QFETCH(QString, key);
    QFETCH(QString, canonical);
    QCOMPARE(GoHttpClient::canonicalHeaderKey(key), canonical);
}

QTEST_MAIN(TestHttpDataSource)
#include "tst_http.moc"
