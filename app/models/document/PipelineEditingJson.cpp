// PipelineEditing where JSON templates differ from HCL: what legacy JSON does not have,
// and how values and blocks are written into JSON files.
#include "app/models/document/PipelineEditing.h"
#include "app/models/document/TemplateDocument.h"
#include "engine/hcl/Parser.h"
#include "engine/hcl/edit/JsonTextEditor.h"
#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/functions/CtyJson.h"
#include "engine/hcl/json/JsonParser.h"

#include <QCoreApplication>

namespace kiln::models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kiln::models::PipelineEditing", text);
}

} // namespace

bool PipelineEditing::isJsonFile(const QString &file)
{
    return file.endsWith(QLatin1String(".json"));
}

// The JSON for an HCL expression that is a literal value (what the typed list and map
// editors write: `{ k = "v" }`, `["a", 1]`), so a JSON file gets a JSON object or
// array rather than the expression as a string. Nothing for JSON text, references and
// calls (the engine writes those as strings / "${...}").
std::optional<QString> PipelineEditing::literalJson(const QString &expression)
{
    const QByteArray bytes = expression.trimmed().toUtf8();
    if (!hcl::json::JsonParser::parse(bytes, QStringLiteral("<value>")).diagnostics.hasErrors())
        return std::nullopt;
    hcl::Diagnostics diags;
    const hcl::ExprPtr expr = hcl::parseExpression(bytes, QStringLiteral("<value>"), diags);
    if (!expr || diags.hasErrors())
        return std::nullopt;
    const hcl::Value value = hcl::evaluate(expr, nullptr, diags);
    if (diags.hasErrors() || !value.isWhollyKnown())
        return std::nullopt;
    QString error;
    const auto json = hcl::functions::ctyjson::marshal(value, &error);
    return json ? std::optional(QString::fromUtf8(*json)) : std::nullopt;
}

bool PipelineEditing::isLegacy() const
{
    return m_doc->syntax() == TemplateSyntax::LegacyJson;
}

QString PipelineEditing::nativeFile() const
{
    const QString preferred = sourceFile();
    if (!preferred.isEmpty() && !isJsonFile(preferred))
        return preferred;
    for (const QString &f : m_doc->files())
        if (!isJsonFile(f))
            return f;
    return {};
}

QString PipelineEditing::whyUnavailable(Capability capability) const
{
    switch (capability) {
    case Capability::ConnectSources:
        if (isLegacy())
            return tr("A legacy JSON template has one implicit build that every builder feeds; "
                      "there is nothing to connect or disconnect. Use \"only\" and \"except\" "
                      "on provisioners and post-processors to limit them to some builders.");
        return {};
    case Capability::AddDataSource:
        if (isLegacy())
            return tr("Legacy JSON templates have no data sources. Upgrade the template to HCL2 "
                      "to use them.");
        return {};
    }
    return {};
}

QString PipelineEditing::addJsonData(const QString &file, const QString &type, QString name)
{
    // HCL JSON: `"data": {"<type>": {"<name>": {}}}`, merged into what is there.
    const QByteArray bytes = m_doc->text(file).toUtf8();
    const auto parsed = hcl::json::JsonParser::parse(bytes, file);
    if (parsed.diagnostics.hasErrors() || !parsed.value.isObject())
        return parsed.diagnostics.isEmpty() ? tr("No such block.")
                                            : parsed.diagnostics.first().summary;
    const hcl::edit::SourceText source(bytes);
    const hcl::edit::JsonTextEditor ed(source);
    const hcl::json::JsonValue &root = parsed.value;
    const hcl::json::JsonValue *data = root.get(QStringLiteral("data"));
    const hcl::json::JsonValue *typed = data && data->isObject() ? data->get(type) : nullptr;
    // The file may already have a block of that name the last parse has not seen yet.
    for (int i = 2; typed && typed->isObject() && typed->get(name); ++i)
        name = QStringLiteral("main") + QString::number(i);
    const QByteArray block = ed.object({{name, "{}"}}, {});
    hcl::edit::ByteEdit edit;
    if (typed && typed->isObject())
        edit = ed.setMember(*typed, name, "{}");
    else if (data && data->isObject())
        edit = ed.setMember(*data, type, block);
    else
        edit = ed.setMember(root, QStringLiteral("data"), ed.object({{type, block}}, {}));
    m_doc->applyEdits(file,
        {{m_doc->utf16Offset(file, edit.start), m_doc->utf16Offset(file, edit.end),
            QString::fromUtf8(edit.text)}},
        tr("Add data source %1").arg(type));
    return {};
}

} // namespace kiln::models
