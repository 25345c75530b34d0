// vault(path, key), as the plugin SDK's interpolate.Vault over Vault's HTTP API:
// VAULT_ADDR (default https://127.0.0.1:8200) and VAULT_TOKEN, KV v1 and v2.

#include "engine/template/functions/PackerFunctions.h"
#include "engine/template/functions/SecretHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace kiln::tmpl {

namespace {

    hcl::Value vault(const QString &path, const QString &key, hcl::FunctionError &err)
    {
        auto fail = [&](const QString &m) {
            err = {-1, m};
            return hcl::Value::dynamicUnknown();
        };
        const QByteArray token = qgetenv("VAULT_TOKEN");
        if (token.isEmpty())
            return fail(QStringLiteral("Must set VAULT_TOKEN env var in order to use vault template function"));
        QString addr = qEnvironmentVariable("VAULT_ADDR", QStringLiteral("https://127.0.0.1:8200"));
        const QUrl url(addr + QStringLiteral("/v1/") + path);
        if (!url.isValid() || url.scheme().isEmpty())
            return fail(QStringLiteral("Error getting Vault client: invalid VAULT_ADDR %1").arg(addr));
        QList<QPair<QByteArray, QByteArray>> headers {{"X-Vault-Token", token}, {"X-Vault-Request", "true"}};
        if (qEnvironmentVariableIsSet("VAULT_NAMESPACE"))
            headers.append({"X-Vault-Namespace", qgetenv("VAULT_NAMESPACE")});
        const SecretHttpResponse r = secretHttpRequest("GET", url, headers);
        if (r.status == 0)
            return fail(QStringLiteral("Error reading vault secret: Get \"%1\": %2").arg(url.toString(), r.error));
        if (r.status == 404)
            return fail(QStringLiteral("Vault Secret does not exist at the given path"));
        const QJsonObject doc = QJsonDocument::fromJson(r.body).object();
        if (r.status >= 400) {
            QStringList errs;
            for (const QJsonValue &e : doc.value(QStringLiteral("errors")).toArray())
                errs.append(QStringLiteral("* ") + e.toString());
            return fail(QStringLiteral("Error reading vault secret: Error making API request.\n\nURL: GET %1\nCode: %2. Errors:\n\n%3")
                            .arg(url.toString()).arg(r.status).arg(errs.join(QLatin1Char('\n'))));
        }
        const QJsonObject data = doc.value(QStringLiteral("data")).toObject();
        if (!data.contains(QStringLiteral("data"))) {
            // KV version 1: the keys are the data itself.
            if (data.contains(key))
                return hcl::Value::string(data.value(key).toString());
            QStringList warnings;
            for (const QJsonValue &w : doc.value(QStringLiteral("warnings")).toArray())
                warnings.append(w.toString());
            return fail(QStringLiteral("Vault data was empty at the given path. Check the Vault function docs for help: "
                                       "https://www.packer.io/docs/templates/hcl_templates/functions/contextual/vault. "
                                       "Original warnings from Vault call: %1")
                            .arg(warnings.join(QStringLiteral("; "))));
        }
        const QJsonObject inner = data.value(QStringLiteral("data")).toObject();
        if (inner.contains(key))
            return hcl::Value::string(inner.value(key).toString());
        return fail(QStringLiteral("Vault path does not contain the requested key"));
    }

} // namespace

void addVaultFunction(hcl::FunctionTable &table)
{
    hcl::Function f;
    f.name = QStringLiteral("vault");
    f.description = QStringLiteral("Reads a secret from HashiCorp Vault at the given path and returns the value of the given key.");
    hcl::FunctionParam path, key;
    path.name = QStringLiteral("path");
    path.type = hcl::Type::string();
    key.name = QStringLiteral("key");
    key.type = hcl::Type::string();
    f.params = {path, key};
    f.returnType = hcl::Type::string();
    f.impl = [](const QList<hcl::Value> &a, const hcl::Type &, hcl::FunctionError &err) { return vault(a[0].asString(), a[1].asString(), err); };
    table.insert(f.name, f);
}

} // namespace kiln::tmpl
