#include "app/cli/export/TemplateExporter.h"

#include "app/cli/export/HclJsonWriter.h"
#include "app/cli/export/HclNativeWriter.h"
#include "app/cli/export/JsonText.h"
#include "app/cli/export/KilnOnlyComponents.h"
#include "engine/hcl/Formatter.h"
#include "engine/hcl/Parser.h"
#include "engine/hcl/json/JsonParser.h"
#include "engine/registry/Registry.h"
#include "engine/template/legacy/LegacyTemplateParser.h"
#include "engine/template/upgrade/Hcl2Upgrader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace kiln::cli {

using nlohmann::ordered_json;

namespace {

std::optional<registry::ComponentKind> kindOfBlock(const QString &type)
{
    if (type == QLatin1String("source"))
        return registry::ComponentKind::Builder;
    if (type == QLatin1String("provisioner") || type == QLatin1String("error-cleanup-provisioner"))
        return registry::ComponentKind::Provisioner;
    if (type == QLatin1String("post-processor"))
        return registry::ComponentKind::PostProcessor;
    if (type == QLatin1String("data"))
        return registry::ComponentKind::DataSource;
    return std::nullopt;
}

// The warning for a block of a Kiln-only component, empty for any other block.
QString kilnOnlyComment(const QString &type, const QStringList &labels)
{
    const auto kind = kindOfBlock(type);
    if (!kind || labels.isEmpty() || !KilnOnlyComponents::contains(*kind, labels.first()))
        return {};
    return KilnOnlyComponents::warning(*kind, labels.first());
}

void collectFlagged(const hcl::syntax::Body &body, QList<std::pair<int, QString>> &lines)
{
    for (const hcl::syntax::Block &b : body.blocks) {
        const QString comment = kilnOnlyComment(b.type, b.labels);
        if (!comment.isEmpty())
            lines << std::pair{b.range.start.line, comment};
        if (b.body)
            collectFlagged(*b.body, lines);
    }
}

// Native HCL with a "# Kiln only" comment line above each flagged block, formatted as
// `packer fmt` would (which also indents the new comments).
QByteArray flagAndFormat(const QByteArray &source, const QString &filename, QStringList &warnings)
{
    hcl::Diagnostics diags;
    const hcl::File file = hcl::parseConfig(source, filename, diags);
    QList<std::pair<int, QString>> flagged;
    if (const auto native = file.nativeBody())
        collectFlagged(*native, flagged);
    QList<QByteArray> lines = source.split('\n');
    std::sort(flagged.begin(), flagged.end(),
        [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &[line, comment] : flagged) {
        if (line >= 1 && line <= lines.size())
            lines.insert(line - 1, "# Kiln only: " + comment.toUtf8());
        if (!warnings.contains(comment))
            warnings << comment;
    }
    return hcl::formatHcl(lines.join('\n'));
}

bool isTrue(const hcl::syntax::Attribute *attr)
{
    if (!attr || attr->expr->kind != hcl::ExprKind::Literal)
        return false;
    const hcl::Value v = static_cast<const hcl::LiteralExpr &>(*attr->expr).value;
    return !v.isNull() && v.type().kind() == hcl::Type::Kind::Bool && v.asBool();
}

// The default of a sensitive variable is a secret written into the template: an export
// leaves it out (the variable then comes from PKR_VAR_<name>, a CI secret).
QByteArray withoutSensitiveDefaults(const QByteArray &source, const QString &filename)
{
    hcl::Diagnostics diags;
    const hcl::File file = hcl::parseConfig(source, filename, diags);
    const auto native = file.nativeBody();
    if (!native)
        return source;
    QList<std::pair<const hcl::syntax::Attribute *, QString>> removed;
    for (const hcl::syntax::Block &b : native->blocks) {
        if (b.type != QLatin1String("variable") || b.labels.isEmpty() || !b.body)
            continue;
        const hcl::syntax::Attribute *def = b.body->attribute(QStringLiteral("default"));
        if (def && isTrue(b.body->attribute(QStringLiteral("sensitive"))))
            removed << std::pair{def, b.labels.first()};
    }
    std::sort(removed.begin(), removed.end(), [](const auto &a, const auto &b) {
        return a.first->range.start.byte > b.first->range.start.byte;
    });
    QByteArray out = source;
    for (const auto &[attr, name] : removed) {
        const QByteArray note
            = QStringLiteral("# default left out: the value is sensitive; set PKR_VAR_%1")
                  .arg(name)
                  .toUtf8();
        out.replace(attr->range.start.byte, attr->range.end.byte - attr->range.start.byte, note);
    }
    return out;
}

QStringList templateFiles(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return {info.absoluteFilePath()};
    // Packer reads a directory's native files, then its JSON ones, each set by name.
    QStringList files;
    const QDir dir(path);
    for (const char *pattern : {"*.pkr.hcl", "*.pkr.json"})
        for (const QString &name :
            dir.entryList({QString::fromLatin1(pattern)}, QDir::Files, QDir::Name))
            files << dir.absoluteFilePath(name);
    return files;
}

bool readFile(const QString &path, QByteArray *bytes, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("open %1: %2").arg(path, f.errorString());
        return false;
    }
    *bytes = f.readAll();
    return true;
}

ordered_json jsonOf(const hcl::Value &value)
{
    const hcl::Value v = value.unmarked();
    if (v.isNull() || !v.isWhollyKnown())
        return nullptr;
    switch (v.type().kind()) {
    case hcl::Type::Kind::String:
        return v.asString().toStdString();
    case hcl::Type::Kind::Number:
        return ordered_json::parse(v.asNumber().toString().toStdString());
    case hcl::Type::Kind::Bool:
        return v.asBool();
    case hcl::Type::Kind::Map:
    case hcl::Type::Kind::Object: {
        ordered_json o = ordered_json::object();
        for (auto it = v.attributes().cbegin(); it != v.attributes().cend(); ++it)
            o[it.key().toStdString()] = jsonOf(it.value());
        return o;
    }
    case hcl::Type::Kind::Dynamic:
        return nullptr;
    default: {
        ordered_json a = ordered_json::array();
        for (const hcl::Value &e : v.elements())
            a.push_back(jsonOf(e));
        return a;
    }
    }
}

QByteArray dumped(const ordered_json &json)
{
    return QByteArray::fromStdString(json.dump(2)) + '\n';
}

bool parseJson(
    const QByteArray &source, const QString &path, hcl::json::JsonValue *value, QString *error)
{
    hcl::json::JsonParseResult parsed = hcl::json::JsonParser::parse(source, path);
    if (parsed.diagnostics.hasErrors()) {
        const hcl::Diagnostic &d = parsed.diagnostics.first();
        *error = QStringLiteral("Error: %1: %2; %3")
                     .arg(d.subject ? d.subject->toString() : path, d.summary, d.detail);
        return false;
    }
    *value = std::move(parsed.value);
    return true;
}

} // namespace

bool TemplateExporter::formatFromName(const QString &name, Format *format)
{
    if (name == QLatin1String("hcl"))
        *format = Format::Hcl;
    else if (name == QLatin1String("json"))
        *format = Format::Json;
    else
        return false;
    return true;
}

TemplateExporter::Result TemplateExporter::hclFromHcl2(
    const QString &path, const registry::Registry &registry)
{
    Result r;
    const QStringList files = templateFiles(path);
    for (const QString &file : files) {
        QByteArray source;
        if (!readFile(file, &source, &r.error))
            return r;
        if (file.endsWith(QLatin1String(".json"))) {
            hcl::json::JsonValue json;
            if (!parseJson(source, file, &json, &r.error))
                return r;
            source = HclNativeWriter(registry).file(json);
        }
        if (files.size() > 1)
            r.text += (r.text.isEmpty() ? "" : "\n") + QByteArray("# ")
                + QFileInfo(file).fileName().toUtf8() + "\n";
        r.text += flagAndFormat(withoutSensitiveDefaults(source, file), file, r.warnings);
    }
    return r;
}

TemplateExporter::Result TemplateExporter::jsonFromHcl2(const QString &path)
{
    Result r;
    QList<hcl::File> parsed;
    QList<hcl::json::JsonValue> jsonFiles;
    for (const QString &file : templateFiles(path)) {
        QByteArray source;
        if (!readFile(file, &source, &r.error))
            return r;
        if (file.endsWith(QLatin1String(".json"))) {
            hcl::json::JsonValue value;
            if (!parseJson(source, file, &value, &r.error))
                return r;
            jsonFiles << std::move(value);
            continue;
        }
        hcl::Diagnostics diags;
        parsed << hcl::parseConfig(withoutSensitiveDefaults(source, file), file, diags);
    }
    QList<const hcl::File *> natives;
    for (const hcl::File &f : parsed)
        natives << &f;
    const auto comment = [&r](const QString &type, const QStringList &labels) {
        const QString text = kilnOnlyComment(type, labels);
        if (!text.isEmpty() && !r.warnings.contains(text))
            r.warnings << text;
        return text;
    };
    // HCL's JSON syntax lets a block type repeat as a key: the directory's .pkr.json
    // files join the converted native ones member by member, duplicates and all.
    QList<JsonText::Member> members;
    const ordered_json converted = HclJsonWriter(comment).bodies(natives);
    for (auto it = converted.begin(); it != converted.end(); ++it)
        members << JsonText::Member{
            QString::fromStdString(it.key()), QByteArray::fromStdString(it.value().dump(2))};
    for (const hcl::json::JsonValue &json : jsonFiles)
        for (const hcl::json::JsonMember &m : json.members())
            members << JsonText::Member{m.key, JsonText::value(m.value)};
    r.text = JsonText::object(members) + '\n';
    return r;
}

TemplateExporter::Result TemplateExporter::hclFromLegacy(
    const QString &path, const registry::Registry &registry)
{
    Result r;
    QByteArray source;
    if (!readFile(path, &source, &r.error))
        return r;
    const auto parsed
        = tmpl::legacy::LegacyTemplateParser::parse(source, QFileInfo(path).absoluteFilePath());
    tmpl::upgrade::UpgradeOptions options;
    for (const QString &type : registry.typeNames(registry::ComponentKind::Builder))
        options.knownBuilders.insert(type);
    const tmpl::upgrade::UpgradeResult upgraded
        = tmpl::upgrade::Hcl2Upgrader::upgrade(parsed.tmpl, QString::fromUtf8(source), options);
    r.warnings << upgraded.errors;
    const QString name = path + QLatin1String(".pkr.hcl");
    r.text = flagAndFormat(withoutSensitiveDefaults(upgraded.output, name), name, r.warnings);
    return r;
}

TemplateExporter::Result TemplateExporter::jsonFromLegacy(const QString &path)
{
    Result r;
    QByteArray source;
    hcl::json::JsonValue json;
    if (!readFile(path, &source, &r.error) || !parseJson(source, path, &json, &r.error))
        return r;
    if (!json.isObject()) {
        r.error = QStringLiteral("Error: %1 is not a JSON object").arg(path);
        return r;
    }
    const auto flag = [&r](const hcl::json::JsonValue &pp) {
        const hcl::json::JsonValue *type = pp.isObject() ? pp.get(u"type") : &pp;
        if (!type || !type->isString())
            return;
        const QString comment = kilnOnlyComment(QStringLiteral("post-processor"), {type->text()});
        if (!comment.isEmpty() && !r.warnings.contains(comment))
            r.warnings << comment;
    };
    if (const hcl::json::JsonValue *pps = json.get(u"post-processors"); pps && pps->isArray()) {
        for (const hcl::json::JsonValue &entry : pps->elements()) {
            if (!entry.isArray())
                flag(entry);
            for (const hcl::json::JsonValue &pp : entry.elements())
                flag(pp);
        }
    }
    // A sensitive variable's default is a secret: it becomes null (a required variable).
    QStringList sensitive;
    if (const hcl::json::JsonValue *list = json.get(u"sensitive-variables");
        list && list->isArray())
        for (const hcl::json::JsonValue &name : list->elements())
            sensitive << name.text();
    QList<JsonText::Member> members;
    for (const hcl::json::JsonMember &m : json.members()) {
        if (m.key != QLatin1String("variables") || !m.value.isObject()) {
            members << JsonText::Member{m.key, JsonText::value(m.value)};
            continue;
        }
        QList<JsonText::Member> variables;
        for (const hcl::json::JsonMember &v : m.value.members())
            variables << JsonText::Member{
                v.key, sensitive.contains(v.key) ? QByteArray("null") : JsonText::value(v.value)};
        members << JsonText::Member{m.key, JsonText::object(variables)};
    }
    // Packer keeps root keys starting with "_" as comments: the flags go there.
    if (!r.warnings.isEmpty())
        members << JsonText::Member{
            QStringLiteral("_kiln_only"), JsonText::quoted(r.warnings.join(QLatin1String("; ")))};
    r.text = JsonText::object(members) + '\n';
    return r;
}

TemplateExporter::Result TemplateExporter::exportTemplate(
    const QString &path, bool legacy, Format format, const registry::Registry &registry)
{
    if (legacy)
        return format == Format::Hcl ? hclFromLegacy(path, registry) : jsonFromLegacy(path);
    return format == Format::Hcl ? hclFromHcl2(path, registry) : jsonFromHcl2(path);
}

QByteArray TemplateExporter::variablesFile(const TemplateSummary &summary, Format format)
{
    if (format == Format::Json) {
        ordered_json out = ordered_json::object();
        for (const CiVariable &v : summary.variables)
            if (!v.sensitive && v.hasDefault && !v.defaultIsTemplate)
                out[v.name.toStdString()] = jsonOf(v.defaultValue);
        return dumped(out);
    }
    QByteArray text;
    for (const CiVariable &v : summary.variables) {
        if (v.sensitive)
            text += QStringLiteral("# %1 is sensitive: pass it as PKR_VAR_%1, never in a file\n")
                        .arg(v.name)
                        .toUtf8();
        else if (!v.hasDefault || v.defaultIsTemplate)
            text += QStringLiteral("# %1 has no default value\n").arg(v.name).toUtf8();
        else
            text += QStringLiteral("%1 = %2\n").arg(v.name, v.defaultHcl).toUtf8();
    }
    return hcl::formatHcl(text);
}

} // namespace kiln::cli
