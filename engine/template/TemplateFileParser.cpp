#include "engine/template/TemplateFileParser.h"

#include "engine/hcl/Parser.h"

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
    // The HCL JSON body (engine/hcl/json) is not part of the HCL layer yet; when
    // it lands, this is the only function that changes.
    hcl::File file;
    file.filename = filename;
    file.source = bytes;
    diags += hcl::Diagnostic::error(QStringLiteral("Unsupported file format"),
                                    QStringLiteral("%1 uses HCL's JSON syntax, which this build of Kiln cannot read; "
                                                   "convert it to native syntax (.pkr.hcl / .pkrvars.hcl).")
                                        .arg(filename));
    return file;
}

} // namespace kiln::tmpl
