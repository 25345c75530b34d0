// aws_secretsmanager(name, key) and aws_secretsmanager_raw(name), as the plugin
// SDK's secretsmanager client: GetSecretValue (stage AWSCURRENT) over the AWS
// JSON API, signed with Signature Version 4. Credentials come from the
// environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) and
// the region from AWS_REGION or AWS_DEFAULT_REGION; AWS_ENDPOINT_URL_SECRETS_MANAGER
// or AWS_ENDPOINT_URL overrides the endpoint. Shared config files and instance
// roles are not read.

#include "engine/template/functions/PackerFunctions.h"
#include "engine/template/functions/SecretHttp.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

namespace kiln::tmpl {

namespace {

    QByteArray hmac(const QByteArray &key, const QByteArray &msg) { return QMessageAuthenticationCode::hash(msg, key, QCryptographicHash::Sha256); }
    QByteArray sha256Hex(const QByteArray &b) { return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex(); }

    std::optional<QString> getSecretString(const QString &name, QString *error)
    {
        if (name.isEmpty()) {
            *error = QStringLiteral("At least one secret name must be provided");
            return std::nullopt;
        }
        const QByteArray region = qEnvironmentVariableIsSet("AWS_REGION") ? qgetenv("AWS_REGION") : qgetenv("AWS_DEFAULT_REGION");
        if (region.isEmpty()) {
            *error = QStringLiteral("operation error Secrets Manager: GetSecretValue, failed to resolve service endpoint, an AWS region is required, but was not found");
            return std::nullopt;
        }
        const QByteArray accessKey = qgetenv("AWS_ACCESS_KEY_ID"), secretKey = qgetenv("AWS_SECRET_ACCESS_KEY"), session = qgetenv("AWS_SESSION_TOKEN");
        if (accessKey.isEmpty() || secretKey.isEmpty()) {
            *error = QStringLiteral("operation error Secrets Manager: GetSecretValue, failed to retrieve AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
            return std::nullopt;
        }
        QString endpoint = qEnvironmentVariable("AWS_ENDPOINT_URL_SECRETS_MANAGER", qEnvironmentVariable("AWS_ENDPOINT_URL"));
        if (endpoint.isEmpty())
            endpoint = QStringLiteral("https://secretsmanager.%1.amazonaws.com").arg(QString::fromLatin1(region));
        const QUrl url(endpoint + QLatin1Char('/'));
        const QByteArray host = url.port() > 0 ? (url.host() + QLatin1Char(':') + QString::number(url.port())).toLatin1() : url.host().toLatin1();
        const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("SecretId"), name}, {QStringLiteral("VersionStage"), QStringLiteral("AWSCURRENT")}})
                                    .toJson(QJsonDocument::Compact);

        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QByteArray amzDate = now.toString(QStringLiteral("yyyyMMddTHHmmssZ")).toLatin1();
        const QByteArray day = amzDate.left(8);
        const QByteArray target = "secretsmanager.GetSecretValue";
        QList<QPair<QByteArray, QByteArray>> signedHeaders {{"content-type", "application/x-amz-json-1.1"}, {"host", host}, {"x-amz-date", amzDate}};
        if (!session.isEmpty())
            signedHeaders.append({"x-amz-security-token", session});
        signedHeaders.append({"x-amz-target", target});
        QByteArray canonicalHeaders, headerNames;
        for (const auto &h : signedHeaders) {
            canonicalHeaders += h.first + ':' + h.second + '\n';
            headerNames += (headerNames.isEmpty() ? "" : ";") + h.first;
        }
        const QByteArray canonicalRequest = "POST\n/\n\n" + canonicalHeaders + '\n' + headerNames + '\n' + sha256Hex(body);
        const QByteArray scope = day + '/' + region + "/secretsmanager/aws4_request";
        const QByteArray toSign = "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope + '\n' + sha256Hex(canonicalRequest);
        const QByteArray kSigning = hmac(hmac(hmac(hmac("AWS4" + secretKey, day), region), "secretsmanager"), "aws4_request");
        const QByteArray signature = hmac(kSigning, toSign).toHex();
        QList<QPair<QByteArray, QByteArray>> headers = signedHeaders;
        headers.removeIf([](const auto &h) { return h.first == "host"; });
        headers.append({"Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKey + '/' + scope + ", SignedHeaders=" + headerNames + ", Signature=" + signature});

        const SecretHttpResponse r = secretHttpRequest("POST", url, headers, body);
        if (r.status == 0) {
            *error = QStringLiteral("operation error Secrets Manager: GetSecretValue, %1").arg(r.error);
            return std::nullopt;
        }
        const QJsonObject doc = QJsonDocument::fromJson(r.body).object();
        if (r.status >= 400) {
            QString type = doc.value(QStringLiteral("__type")).toString();
            type = type.mid(type.lastIndexOf(QLatin1Char('#')) + 1);
            const QString message = doc.value(QStringLiteral("message")).toString(doc.value(QStringLiteral("Message")).toString());
            *error = QStringLiteral("operation error Secrets Manager: GetSecretValue, https response error StatusCode: %1, %2: %3").arg(r.status).arg(type, message);
            return std::nullopt;
        }
        if (!doc.contains(QStringLiteral("SecretString"))) {
            *error = QStringLiteral("Secret is not string");
            return std::nullopt;
        }
        return doc.value(QStringLiteral("SecretString")).toString();
    }

    // The SDK's getSecretValue: JSON objects are looked into, anything else is returned as is.
    std::optional<QString> secretValue(const QString &secret, const QString &key, bool raw, QString *error)
    {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(secret.toUtf8(), &pe);
        if (raw || pe.error != QJsonParseError::NoError)
            return secret;
        if (!doc.isObject()) {
            *error = QStringLiteral("json: cannot unmarshal %1 into Go value of type map[string]interface {}").arg(doc.isArray() ? QStringLiteral("array") : QStringLiteral("value"));
            return std::nullopt;
        }
        const QJsonObject o = doc.object();
        if (key.isEmpty() && o.size() > 1) {
            *error = QStringLiteral("Secret has multiple values and no key was set");
            return std::nullopt;
        }
        QJsonValue v;
        if (key.isEmpty() && !o.isEmpty())
            v = o.begin().value();
        else if (o.contains(key))
            v = o.value(key);
        else {
            *error = QStringLiteral("No secret found for key \"%1\"").arg(key);
            return std::nullopt;
        }
        if (v.isString())
            return v.toString();
        if (v.isDouble())
            return QString::number(v.toDouble(), 'f', 0);
        const char *goType = v.isBool() ? "bool" : v.isArray() ? "[]interface {}" : v.isObject() ? "map[string]interface {}" : "<nil>";
        *error = QStringLiteral("Unsupported secret value type: %1").arg(QLatin1String(goType));
        return std::nullopt;
    }

    hcl::FunctionParam stringParam(const QString &name, bool nullable)
    {
        hcl::FunctionParam p;
        p.name = name;
        p.type = hcl::Type::string();
        p.allowNull = nullable;
        p.allowUnknown = nullable;
        return p;
    }

} // namespace

void addAwsSecretsManagerFunctions(hcl::FunctionTable &table)
{
    hcl::Function f;
    f.name = QStringLiteral("aws_secretsmanager");
    f.description = QStringLiteral("Reads a secret from AWS Secrets Manager, optionally one key of a JSON secret.");
    f.params = {stringParam(QStringLiteral("name"), false), stringParam(QStringLiteral("key"), true)};
    f.returnType = hcl::Type::string();
    f.impl = [](const QList<hcl::Value> &a, const hcl::Type &, hcl::FunctionError &err) {
        const QString key = !a[1].isNull() && a[1].isWhollyKnown() ? a[1].asString() : QString();
        QString why;
        std::optional<QString> s = getSecretString(a[0].asString(), &why);
        std::optional<QString> v = s ? secretValue(*s, key, false, &why) : std::nullopt;
        if (!v) {
            err = {-1, why};
            return hcl::Value::dynamicUnknown();
        }
        return hcl::Value::string(*v);
    };
    table.insert(f.name, f);

    hcl::Function raw;
    raw.name = QStringLiteral("aws_secretsmanager_raw");
    raw.description = QStringLiteral("Reads a secret from AWS Secrets Manager and returns it unparsed.");
    raw.params = {stringParam(QStringLiteral("name"), false)};
    raw.returnType = hcl::Type::string();
    raw.impl = [](const QList<hcl::Value> &a, const hcl::Type &, hcl::FunctionError &err) {
        QString why;
        std::optional<QString> s = getSecretString(a[0].asString(), &why);
        if (!s) {
            err = {-1, why};
            return hcl::Value::dynamicUnknown();
        }
        return hcl::Value::string(*s);
    };
    table.insert(raw.name, raw);
}

} // namespace kiln::tmpl
