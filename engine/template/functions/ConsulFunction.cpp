// consul_key(key), as the plugin SDK's interpolate.Consul over Consul's KV HTTP
// API: CONSUL_HTTP_ADDR (default 127.0.0.1:8500), CONSUL_HTTP_SSL, CONSUL_HTTP_TOKEN.

#include "engine/template/functions/PackerFunctions.h"
#include "engine/template/functions/SecretHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kiln::tmpl {

namespace {

    hcl::Value consulKey(const QString &key, hcl::FunctionError &err)
    {
        auto fail = [&](const QString &m) {
            err = {-1, m};
            return hcl::Value::dynamicUnknown();
        };
        QString addr = qEnvironmentVariable("CONSUL_HTTP_ADDR", QStringLiteral("127.0.0.1:8500"));
        if (!addr.contains(QLatin1String("://"))) {
            const QString ssl = qEnvironmentVariable("CONSUL_HTTP_SSL").toLower();
            const bool https = ssl == QLatin1String("true") || ssl == QLatin1String("1");
            addr = (https ? QStringLiteral("https://") : QStringLiteral("http://")) + addr;
        }
        const QUrl url(addr + QStringLiteral("/v1/kv/") + key);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (qEnvironmentVariableIsSet("CONSUL_HTTP_TOKEN"))
            headers.append({"X-Consul-Token", qgetenv("CONSUL_HTTP_TOKEN")});
        const SecretHttpResponse r = secretHttpRequest("GET", url, headers);
        if (r.status == 0)
            return fail(QStringLiteral("error reading consul key: Get \"%1\": %2").arg(url.toString(), r.error));
        if (r.status == 404)
            return fail(QStringLiteral("key does not exist at the given path: %1").arg(key));
        if (r.status >= 400)
            return fail(QStringLiteral("error reading consul key: Unexpected response code: %1 (%2)").arg(r.status).arg(QString::fromUtf8(r.body).trimmed()));
        const QJsonArray entries = QJsonDocument::fromJson(r.body).array();
        if (entries.isEmpty())
            return fail(QStringLiteral("key does not exist at the given path: %1").arg(key));
        const QString value = QString::fromUtf8(QByteArray::fromBase64(entries.first().toObject().value(QStringLiteral("Value")).toString().toLatin1()));
        if (value.isEmpty())
            return fail(QStringLiteral("value is empty at path %1").arg(key));
        return hcl::Value::string(value);
    }

} // namespace

void addConsulFunction(hcl::FunctionTable &table)
{
    hcl::Function f;
    f.name = QStringLiteral("consul_key");
    f.description = QStringLiteral("Reads the value of a key from Consul's key/value store.");
    hcl::FunctionParam key;
    key.name = QStringLiteral("key");
    key.type = hcl::Type::string();
    f.params = {key};
    f.returnType = hcl::Type::string();
    f.impl = [](const QList<hcl::Value> &a, const hcl::Type &, hcl::FunctionError &err) { return consulKey(a[0].asString(), err); };
    table.insert(f.name, f);
}

} // namespace kiln::tmpl
