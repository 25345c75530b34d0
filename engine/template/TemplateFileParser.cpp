#include "engine/template/TemplateFileParser.h"

#include "engine/hcl/Parser.h"
#include "engine/hcl/json/JsonBody.h"

#include <QFile>

namespace kiln::tmpl {

hcl::File TemplateFileParser::parseFile(const QString &path, hcl::Diagnostics &diags)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        diags += hcl::Diagnostic::error(QStringLiteral("Failed to read file"),
                                        QStringLiteral("The configuration file \"%1\" could not be read.").arg(path));
        hcl::File empty;
        empty.filename = path;
        return empty;
    }
    const QByteArray bytes = f.readAll();
    if (path.endsWith(QLatin1String(".json")))
        return parseJson(bytes, path, diags);
    return parseHcl(bytes, path, diags);
}

hcl::File TemplateFileParser::parseHcl(const QByteArray &bytes, const QString &filename, hcl::Diagnostics &diags)
{
    return hcl::parseConfig(bytes, filename, diags);
}

hcl::File TemplateFileParser::parseJson(const QByteArray &bytes, const QString &filename, hcl::Diagnostics &diags)
{
    return hcl::json::parseJsonConfig(bytes, filename, diags);
}

} // namespace kiln::tmpl
