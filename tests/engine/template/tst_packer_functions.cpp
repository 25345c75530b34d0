// Packer's contextual functions: env, vault, consul_key, aws_secretsmanager.
// vault and consul_key are exercised against a local HTTP server that speaks
// their APIs; aws_secretsmanager's configuration errors are checked.

#include "engine/hcl/Parser.h"
#include "engine/hcl/eval/Evaluator.h"
#include "engine/template/functions/PackerFunctions.h"

#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

using namespace kiln;
using namespace kiln::hcl;

namespace {

QString eval(const QString &src)
{
    Diagnostics diags;
    ExprPtr e = parseExpression(src.toUtf8(), QStringLiteral("t.hcl"), diags);
    EvalContext ctx;
    ctx.functions = tmpl::packerFunctions(QStringLiteral("."));
    const Value v = evaluate(e, &ctx, diags);
    for (const Diagnostic &d : diags)
        if (d.severity == Severity::Error)
            return QStringLiteral("ERROR: ") + d.detail;
    return v.type() == Type::string() ? v.asString() : v.debugString();
}

// A one-request-at-a-time HTTP server on its own thread answering from a table
// of path -> (status, body), recording the headers it saw.
class FakeApi : public QThread
{
public:
    QMap<QString, QPair<int, QByteArray>> routes;
    QByteArray lastRequest;
    quint16 port = 0;
    QTcpServer *server = nullptr;

    void run() override
    {
        QTcpServer s;
        s.listen(QHostAddress::LocalHost);
        port = s.serverPort();
        server = &s;
        ready.release();
        while (!isInterruptionRequested()) {
            if (!s.waitForNewConnection(100))
                continue;
            QTcpSocket *c = s.nextPendingConnection();
            QByteArray req;
            while (!req.contains("\r\n\r\n") && c->waitForReadyRead(2000))
                req += c->readAll();
            lastRequest = req;
            const QString path = QString::fromLatin1(req.split(' ').value(1));
            const auto r = routes.value(path, {404, QByteArray("{\"errors\":[]}")});
            c->write("HTTP/1.1 " + QByteArray::number(r.first) + " X\r\nContent-Type: application/json\r\nContent-Length: "
                     + QByteArray::number(r.second.size()) + "\r\nConnection: close\r\n\r\n" + r.second);
            c->waitForBytesWritten(2000);
            c->disconnectFromHost();
            delete c;
        }
    }
    QSemaphore ready;
};

} // namespace

class TestPackerFunctions : public QObject
{
    Q_OBJECT
private slots:
    void env()
    {
        qputenv("KILN_TEST_ENV", "value-1");
        QCOMPARE(eval(QStringLiteral("env(\"KILN_TEST_ENV\")")), QStringLiteral("value-1"));
        QCOMPARE(eval(QStringLiteral("env(\"KILN_TEST_ENV_UNSET_X\")")), QString());
        // The standard functions are there too.
        QCOMPARE(eval(QStringLiteral("upper(env(\"KILN_TEST_ENV\"))")), QStringLiteral("VALUE-1"));
    }

    void vaultNeedsToken()
    {
        qunsetenv("VAULT_TOKEN");
        QCOMPARE(eval(QStringLiteral("vault(\"secret/x\", \"k\")")),
                 QStringLiteral("ERROR: Call to function \"vault\" failed: Must set VAULT_TOKEN env var in order to use vault template function."));
    }

    void vaultAndConsulOverHttp()
    {
        FakeApi api;
        api.routes.insert(QStringLiteral("/v1/secret/data/app"), {200, "{\"data\":{\"data\":{\"password\":\"s3cret\"}}}"});
        api.routes.insert(QStringLiteral("/v1/kv1/app"), {200, "{\"data\":{\"user\":\"bob\"}}"});
        api.routes.insert(QStringLiteral("/v1/kv/config/name"), {200, "[{\"Key\":\"config/name\",\"Value\":\"a2lsbg==\"}]"});
        api.start();
        api.ready.acquire();
        const QByteArray base = "http://127.0.0.1:" + QByteArray::number(api.port);
        qputenv("VAULT_ADDR", base);
        qputenv("VAULT_TOKEN", "tok-123");
        QCOMPARE(eval(QStringLiteral("vault(\"secret/data/app\", \"password\")")), QStringLiteral("s3cret"));
        QVERIFY(api.lastRequest.contains("X-Vault-Token: tok-123"));
        QCOMPARE(eval(QStringLiteral("vault(\"kv1/app\", \"user\")")), QStringLiteral("bob"));
        QCOMPARE(eval(QStringLiteral("vault(\"secret/data/app\", \"nope\")")),
                 QStringLiteral("ERROR: Call to function \"vault\" failed: Vault path does not contain the requested key."));
        QCOMPARE(eval(QStringLiteral("vault(\"missing\", \"k\")")),
                 QStringLiteral("ERROR: Call to function \"vault\" failed: Vault Secret does not exist at the given path."));

        qputenv("CONSUL_HTTP_ADDR", "127.0.0.1:" + QByteArray::number(api.port));
        QCOMPARE(eval(QStringLiteral("consul_key(\"config/name\")")), QStringLiteral("kiln"));
        QCOMPARE(eval(QStringLiteral("consul_key(\"config/none\")")),
                 QStringLiteral("ERROR: Call to function \"consul_key\" failed: key does not exist at the given path: config/none."));
        api.requestInterruption();
        api.wait();
    }

    void awsSecretsManagerConfiguration()
    {
        qunsetenv("AWS_REGION");
        qunsetenv("AWS_DEFAULT_REGION");
        QCOMPARE(eval(QStringLiteral("aws_secretsmanager(\"x\", null)")),
                 QStringLiteral("ERROR: Call to function \"aws_secretsmanager\" failed: operation error Secrets Manager: GetSecretValue, failed to resolve service endpoint, an AWS region is required, but was not found."));
        QCOMPARE(eval(QStringLiteral("aws_secretsmanager_raw(\"\")")),
                 QStringLiteral("ERROR: Call to function \"aws_secretsmanager_raw\" failed: At least one secret name must be provided."));
    }
};

QTEST_GUILESS_MAIN(TestPackerFunctions)
#include "tst_packer_functions.moc"
