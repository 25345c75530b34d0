#include "components/datasources/http/HttpDataSource.h"

#include "components/datasources/http/GoHttpClient.h"
#include "engine/build/ComponentConfig.h"
#include "engine/hcl/value/GoFormat.h"

#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcHttpDataSource, "kiln.datasource.http")

namespace kiln::components {

using namespace kiln::registry;

build::PrepareResult HttpDataSource::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

bool HttpDataSource::isContentTypeText(const QString &contentType)
{
    // mime.ParseMediaType, reduced to what the check needs: a valid type/subtype, then
    // `; key=value` parameters whose keys are case-insensitive.
    const QStringList parts = contentType.split(QLatin1Char(';'));
    const QString mediaType = parts.first().trimmed().toLower();
    static const QRegularExpression typeSyntax(
        QStringLiteral("^[!#$%&'*+.^_`|~0-9a-z-]+/[!#$%&'*+.^_`|~0-9a-z-]+$"));
    if (!typeSyntax.match(mediaType).hasMatch())
        return false;
    QString charset;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString param = parts.at(i).trimmed();
        if (param.isEmpty())
            continue;
        const qsizetype eq = param.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return false; // Go: "mime: invalid media parameter"
        QString value = param.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(QLatin1Char('"'))
            && value.endsWith(QLatin1Char('"')))
            value = value.mid(1, value.size() - 2);
        if (param.left(eq).trimmed().toLower() == QLatin1String("charset"))
            charset = value.toLower();
    }
    static const QList<QRegularExpression> allowed = {
        QRegularExpression(QStringLiteral("^text/.+")),
        QRegularExpression(QStringLiteral("^application/json$")),
        QRegularExpression(QStringLiteral("^application/samlmetadata\\+xml")),
    };
    for (const QRegularExpression &re : allowed)
        if (re.match(mediaType).hasMatch())
            return charset.isEmpty() || charset == QLatin1String("utf-8")
                || charset == QLatin1String("us-ascii");
    return false;
}

hcl::Value HttpDataSource::execute(const build::CancelTokenPtr &cancel, QString *error)
{
    GoHttpClient::Request request;
    request.method = m_settings.method;
    request.url = m_settings.url;
    request.headers = m_settings.headers;
    request.body = m_settings.body.toUtf8();
    const GoHttpResponse response = GoHttpClient::send(request, cancel);
    if (!response.error.isEmpty()) {
        if (error)
            *error = response.error;
        return hcl::Value::dynamicNull();
    }
    if (response.status < 200 || response.status >= 300) {
        if (error)
            *error = QStringLiteral("HTTP request error. Response code: %1").arg(response.status);
        return hcl::Value::dynamicNull();
    }

    const QString contentType = response.headers.value(QStringLiteral("Content-Type")).value(0);
    if (contentType.isEmpty() || !isContentTypeText(contentType)) {
        qCWarning(lcHttpDataSource).noquote()
            << QStringLiteral("Content-Type is not recognized as a text type, got %1")
                   .arg(hcl::quoteGo(contentType));
        qCWarning(lcHttpDataSource).noquote() << "If the content is binary data, Packer may not "
                                                 "properly handle the contents of the response.";
    }

    QMap<QString, hcl::Value> headers;
    for (auto it = response.headers.cbegin(); it != response.headers.cend(); ++it)
        headers.insert(it.key(), hcl::Value::string(it.value().join(QStringLiteral(", "))));
    const hcl::Value headerMap
        = headers.isEmpty() ? hcl::Value::mapEmpty(hcl::Type::string()) : hcl::Value::map(headers);

    return hcl::Value::object({
        {QStringLiteral("url"), hcl::Value::string(m_settings.url)},
        {QStringLiteral("body"), hcl::Value::string(QString::fromUtf8(response.body))},
        {QStringLiteral("request_headers"), headerMap},
    });
}

} // namespace kiln::components
