#include "app/cli/export/TemplateExporter.h"

#include "app/cli/export/HclJsonWriter.h"
#include "app/cli/export/KilnOnlyComponents.h"
#include "engine/hcl/Formatter.h"
#include "engine/hcl/Parser.h"
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
            lines << std::pair {b.range.start.line, comment};
        if (b.body)
            collectFlagged(*b.body, lines);
    }
}

// Native HCL with a "# Kiln only" comment line above each flagged block, formatted as
// `packer fmt` would (which also indents the new comments).
QByteArray flagAndFormat(const QByteArray &source, const QString &filename)
{
    hcl::Diagnostics diags;
    const hcl::File file = hcl::parseConfig(source, filename, diags);
    QList<std::pair<int, QString>> flagged;
    if (const auto native = file.nativeBody())
        collectFlagged(*native, flagged);
    QList<QByteArray> lines = source.split('\n');
    std::sort(flagged.begin(), flagged.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &[line, comment] : flagged)
        if (line >= 1 && line <= lines.size())
            lines.insert(line - 1, "# Kiln only: " + comment.toUtf8());
    return hcl::formatHcl(lines.join('\n'));
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
        for (const QString &name : dir.entryList({QString::fromLatin1(pattern)}, QDir::Files, QDir::Name))
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

TemplateExporter::Result TemplateExporter::hclFromHcl2(const QString &path, const TemplateSummary &summary)
{
    Result r;
    r.warnings = summary.kilnOnly;
    const QStringList files = templateFiles(path);
    for (const QString &file : files) {
        if (file.endsWith(QLatin1String(".json"))) {
            r.error = QStringLiteral("Error: %1 is written in HCL's JSON syntax; export the template with -format=json")
                          .arg(QFileInfo(file).fileName());
            return r;
        }
        QByteArray source;
        if (!readFile(file, &source, &r.error))
            return r;
        if (files.size() > 1)
            r.text += (r.text.isEmpty() ? "" : "\n") + QByteArray("# ") + QFileInfo(file).fileName().toUtf8() + "\n";
        r.text += flagAndFormat(source, file);
    }
    return r;
}

TemplateExporter::Result TemplateExporter::jsonFromHcl2(const QString &path, const TemplateSummary &summary)
{
    Result r;
    r.warnings = summary.kilnOnly;
    QList<hcl::File> parsed;
    QList<ordered_json> jsonFiles;
    for (const QString &file : templateFiles(path)) {
        QByteArray source;
        if (!readFile(file, &source, &r.error))
            return r;
        if (file.endsWith(QLatin1String(".json"))) {
            jsonFiles << ordered_json::parse(source.toStdString(), nullptr, false);
            continue;
        }
        hcl::Diagnostics diags;
        parsed << hcl::parseConfig(source, file, diags);
    }
    QList<const hcl::File *> natives;
    for (const hcl::File &f : parsed)
        natives << &f;
    ordered_json out = HclJsonWriter(kilnOnlyComment).bodies(natives);
    // A .pkr.json file of the directory joins in: a block type both declare becomes a list.
    for (const ordered_json &json : jsonFiles) {
        if (!json.is_object())
            continue;
        for (auto it = json.begin(); it != json.end(); ++it) {
            if (!out.contains(it.key())) {
                out[it.key()] = it.value();
                continue;
            }
            ordered_json &existing = out[it.key()];
            if (!existing.is_array())
                existing = ordered_json::array({existing});
            if (it.value().is_array())
                for (const ordered_json &v : it.value())
                    existing.push_back(v);
            else
                existing.push_back(it.value());
        }
    }
    r.text = dumped(out);
    return r;
}

TemplateExporter::Result TemplateExporter::hclFromLegacy(const QString &path, const registry::Registry &registry)
{
    Result r;
    QByteArray source;
    if (!readFile(path, &source, &r.error))
        return r;
    const auto parsed = tmpl::legacy::LegacyTemplateParser::parse(source, QFileInfo(path).absoluteFilePath());
    tmpl::upgrade::UpgradeOptions options;
    for (const QString &type : registry.typeNames(registry::ComponentKind::Builder))
        options.knownBuilders.insert(type);
    const tmpl::upgrade::UpgradeResult upgraded
        = tmpl::upgrade::Hcl2Upgrader::upgrade(parsed.tmpl, QString::fromUtf8(source), options);
    r.warnings << upgraded.errors;
    r.text = flagAndFormat(upgraded.output, path + QLatin1String(".pkr.hcl"));
    return r;
}

TemplateExporter::Result TemplateExporter::jsonFromLegacy(const QString &path)
{
    Result r;
    QByteArray source;
    if (!readFile(path, &source, &r.error))
        return r;
    ordered_json json = ordered_json::parse(source.toStdString(), nullptr, false);
    if (!json.is_object()) {
        r.error = QStringLiteral("Error: %1 is not a JSON object").arg(path);
        return r;
    }
    // Packer keeps root keys starting with "_" as comments: the flags go there.
    QStringList flagged;
    const auto flag = [&flagged](const ordered_json &pp) {
        const std::string type = pp.is_string() ? pp.get<std::string>()
            : pp.is_object() && pp.contains("type") && pp["type"].is_string() ? pp["type"].get<std::string>()
                                                                             : std::string();
        const QString comment = kilnOnlyComment(QStringLiteral("post-processor"), {QString::fromStdString(type)});
        if (!comment.isEmpty() && !flagged.contains(comment))
            flagged << comment;
    };
    if (json.contains("post-processors") && json["post-processors"].is_array())
        for (const ordered_json &entry : json["post-processors"]) {
            if (entry.is_array())
                for (const ordered_json &pp : entry)
                    flag(pp);
            else
                flag(entry);
        }
    if (!flagged.isEmpty())
        json["_kiln_only"] = flagged.join(QLatin1String("; ")).toStdString();
    r.warnings = flagged;
    r.text = dumped(json);
    return r;
}

TemplateExporter::Result TemplateExporter::exportTemplate(const QString &path, const TemplateSummary &summary,
                                                          Format format, const registry::Registry &registry)
{
    if (summary.legacy)
        return format == Format::Hcl ? hclFromLegacy(path, registry) : jsonFromLegacy(path);
    return format == Format::Hcl ? hclFromHcl2(path, summary) : jsonFromHcl2(path, summary);
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
            text += QStringLiteral("# %1 is sensitive: pass it as PKR_VAR_%1, never in a file\n").arg(v.name).toUtf8();
        else if (!v.hasDefault || v.defaultIsTemplate)
            text += QStringLiteral("# %1 has no default value\n").arg(v.name).toUtf8();
        else
            text += QStringLiteral("%1 = %2\n").arg(v.name, v.defaultHcl).toUtf8();
    }
    return hcl::formatHcl(text);
}

} // namespace kiln::cli
