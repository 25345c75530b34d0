#include "app/cli/export/TemplateSummary.h"

#include "app/cli/export/HclLiteral.h"
#include "app/cli/export/KilnOnlyComponents.h"
#include "engine/hcl/eval/Evaluator.h"
#include "engine/template/BuildSelector.h"
#include "engine/template/Template.h"
#include "engine/template/TemplateLoader.h"
#include "engine/template/legacy/LegacyTemplateParser.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>

namespace kiln::cli {

namespace {

using registry::ComponentKind;

// The post-processors whose files a CI job keeps, with the file they write when the
// template does not say (Packer's defaults).
QString defaultOutput(const QString &type)
{
    if (type == QLatin1String("manifest"))
        return QStringLiteral("packer-manifest.json");
    if (type == QLatin1String("checksum"))
        return QStringLiteral("packer_{{.BuildName}}_{{.BuilderType}}_{{.ChecksumType}}.checksum");
    return {};
}

// An output path as a glob relative to the repository: `{{ .BuildName }}` and other
// run-time template calls match anything.
QString artifactGlob(const QString &root, QString output)
{
    static const QRegularExpression call(QStringLiteral("\\{\\{.*?\\}\\}"));
    output.replace(call, QStringLiteral("*"));
    output = QDir::cleanPath(output);
    if (QDir::isAbsolutePath(output)) {
        const QString rel = QDir(root).relativeFilePath(output);
        if (!rel.startsWith(QLatin1String("..")))
            return rel;
    }
    return output;
}

void addUnique(QStringList &list, const QString &item)
{
    if (!item.isEmpty() && !list.contains(item))
        list << item;
}

void noteKilnOnly(TemplateSummary &out, ComponentKind kind, const QString &type)
{
    if (KilnOnlyComponents::contains(kind, type))
        addUnique(out.kilnOnly, KilnOnlyComponents::warning(kind, type));
}

// A value of the variable's type for a variable nobody set, as -var text.
QString placeholderFor(const hcl::Type &type)
{
    switch (type.kind()) {
    case hcl::Type::Kind::Number:
        return QStringLiteral("0");
    case hcl::Type::Kind::Bool:
        return QStringLiteral("false");
    case hcl::Type::Kind::List:
    case hcl::Type::Kind::Set:
    case hcl::Type::Kind::Tuple:
        return QStringLiteral("[]");
    case hcl::Type::Kind::Map:
    case hcl::Type::Kind::Object:
        return QStringLiteral("{}");
    default:
        return QStringLiteral("kiln-export-placeholder");
    }
}

QString outputOf(
    const tmpl::Template &tpl, const tmpl::PlannedBuild &b, const tmpl::PostProcessorBlock &pp)
{
    if (!pp.rest)
        return defaultOutput(pp.type);
    hcl::BodySchema schema;
    schema.attributes = {{QStringLiteral("output"), false}};
    hcl::BodyPtr remain;
    hcl::Diagnostics diags;
    const hcl::BodyContent content = pp.rest->partialContent(schema, &remain, diags);
    const hcl::ContentAttribute *attr = content.attribute(QStringLiteral("output"));
    if (!attr)
        return defaultOutput(pp.type);
    const hcl::EvalContext ctx = tmpl::BuildSelector::buildContext(tpl, b);
    const hcl::Value v = hcl::evaluate(attr->expr, &ctx, diags).unmarked();
    if (diags.hasErrors() || !v.isKnown() || v.isNull()
        || v.type().kind() != hcl::Type::Kind::String)
        return QStringLiteral(
            "*"); // known only on the runner (a data source, say): keep what is there
    return v.asString();
}

bool loadHcl2(const QString &path, bool listBuilds, TemplateSummary &out, hcl::Diagnostics &diags)
{
    tmpl::LoadOptions options;
    options.path = path;
    // PKR_VAR_* of the shell running the export must not shape (or leak into) the export.
    options.environment = QStringList();
    hcl::Diagnostics firstDiags;
    const tmpl::Template declared = tmpl::TemplateLoader::parse(options, firstDiags);
    QList<tmpl::VarSetting> placeholders;
    for (const tmpl::Variable &v : declared.inputVariables) {
        CiVariable cv;
        cv.name = v.name;
        cv.ciName = TemplateSummaryLoader::ciName(v.name);
        cv.envName = QStringLiteral("PKR_VAR_") + v.name;
        cv.description = v.description;
        cv.sensitive = v.sensitive;
        for (const tmpl::VariableAssignment &a : v.values) {
            if (a.from != QLatin1String("default"))
                continue;
            cv.hasDefault = true;
            if (!v.sensitive && a.value.isWhollyKnown()) {
                cv.defaultText = HclLiteral::environmentText(a.value);
                cv.defaultHcl = HclLiteral::text(a.value);
                cv.defaultValue = a.value.unmarked();
            }
        }
        if (!v.isSet())
            placeholders << tmpl::VarSetting{
                tmpl::VarSetting::Kind::Var, v.name, placeholderFor(v.type)};
        out.variables << cv;
    }
    out.secrets = declared.secrets();

    hcl::Diagnostics parseDiags;
    options.varSettings = placeholders;
    tmpl::Template tpl
        = placeholders.isEmpty() ? declared : tmpl::TemplateLoader::parse(options, parseDiags);
    if (placeholders.isEmpty())
        parseDiags = firstDiags;
    out.sources = tpl.sourceBytes();
    diags += parseDiags;
    if (parseDiags.hasErrors() || !listBuilds)
        return !parseDiags.hasErrors();

    // No registry: the builds are listed whatever plugins they need; those exist on the
    // CI runners (after `packer init`), not necessarily here.
    tmpl::InitializeOptions init;
    init.skipDatasourcesExecution = true;
    const hcl::Diagnostics initDiags = tmpl::TemplateLoader::initialize(tpl, init);
    diags += initDiags;
    if (initDiags.hasErrors())
        return false;

    hcl::Diagnostics selectDiags;
    const QList<tmpl::PlannedBuild> builds = tmpl::BuildSelector::select(tpl, {}, selectDiags);
    diags += selectDiags;
    if (selectDiags.hasErrors())
        return false;
    for (const tmpl::PlannedBuild &b : builds) {
        addUnique(out.targets, b.name);
        noteKilnOnly(out, ComponentKind::Builder, b.builderType);
        for (const tmpl::ProvisionerBlock &p : b.provisioners)
            noteKilnOnly(out, ComponentKind::Provisioner, p.type);
        for (const auto &chain : b.postProcessors) {
            for (const tmpl::PostProcessorBlock &pp : chain) {
                noteKilnOnly(out, ComponentKind::PostProcessor, pp.type);
                if (!defaultOutput(pp.type).isEmpty())
                    addUnique(out.artifactPaths, artifactGlob(out.rootDir, outputOf(tpl, b, pp)));
            }
        }
    }
    return true;
}

QString shellName(const QString &name)
{
    QString out;
    for (const QChar c : name)
        out += (c.isLetterOrNumber() && c.unicode() < 0x80) || c == QLatin1Char('_')
            ? c
            : QLatin1Char('_');
    return out;
}

bool loadLegacy(const QString &path, TemplateSummary &out, hcl::Diagnostics &diags)
{
    using namespace tmpl::legacy;
    const LegacyParseResult parsed = LegacyTemplateParser::parseFile(path);
    diags += parsed.diagnostics;
    if (parsed.diagnostics.hasErrors())
        return false;
    const LegacyTemplate &t = parsed.tmpl;
    for (const LegacyVariable &v : t.variables) {
        CiVariable cv;
        cv.name = v.name;
        cv.ciName = TemplateSummaryLoader::ciName(v.name);
        cv.envName = QStringLiteral("PKR_VAR_") + shellName(v.name);
        cv.sensitive = v.sensitive || t.sensitiveVariables.contains(v.name);
        cv.hasDefault = !v.required;
        cv.defaultIsTemplate = v.defaultValue.contains(QLatin1String("{{"));
        if (cv.hasDefault && !cv.sensitive) {
            cv.defaultText = v.defaultValue;
            cv.defaultHcl = HclLiteral::quoted(v.defaultValue);
            cv.defaultValue = hcl::Value::string(v.defaultValue);
        }
        if (cv.sensitive && !v.defaultValue.isEmpty())
            out.secrets << v.defaultValue;
        out.variables << cv;
    }
    std::sort(out.variables.begin(), out.variables.end(),
        [](const CiVariable &a, const CiVariable &b) { return a.name < b.name; });
    for (const LegacyBuilder &b : t.builders) {
        out.targets << b.name;
        noteKilnOnly(out, ComponentKind::Builder, b.type);
    }
    for (const LegacyProvisioner &p : t.provisioners)
        noteKilnOnly(out, ComponentKind::Provisioner, p.type);
    for (const auto &chain : t.postProcessors) {
        for (const LegacyPostProcessor &pp : chain) {
            noteKilnOnly(out, ComponentKind::PostProcessor, pp.type);
            if (defaultOutput(pp.type).isEmpty())
                continue;
            const hcl::json::JsonValue *output
                = pp.config.isObject() ? pp.config.get(u"output") : nullptr;
            const QString file = output && output->isString() && !output->text().isEmpty()
                ? output->text()
                : defaultOutput(pp.type);
            addUnique(out.artifactPaths, artifactGlob(out.rootDir, file));
        }
    }
    return true;
}

} // namespace

QString TemplateSummaryLoader::ciName(const QString &variable)
{
    QString name;
    for (const QChar c : variable)
        name += c.isLetterOrNumber() && c.unicode() < 0x80 ? c.toUpper() : QLatin1Char('_');
    // GitHub reserves the GITHUB_ prefix and names starting with a digit.
    if (name.isEmpty() || name.at(0).isDigit() || name.startsWith(QLatin1String("GITHUB_")))
        name.prepend(QLatin1String("VAR_"));
    return name;
}

QString TemplateSummaryLoader::repositoryRoot(const QString &path)
{
    const QFileInfo info(path);
    QDir dir(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
    do {
        if (QFileInfo::exists(dir.filePath(QStringLiteral(".git"))))
            return dir.absolutePath();
    } while (dir.cdUp());
    return QDir::currentPath();
}

bool TemplateSummaryLoader::load(const QString &path, bool listBuilds, TemplateSummary &out,
    hcl::Diagnostics &diags, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = QStringLiteral("stat %1: no such file or directory").arg(path);
        return false;
    }
    out.rootDir = repositoryRoot(path);
    out.isDirectory = info.isDir();
    QString rel = QDir(out.rootDir).relativeFilePath(info.absoluteFilePath());
    if (rel.startsWith(QLatin1String("..")))
        rel = info.absoluteFilePath();
    out.templatePath = rel.isEmpty() ? QStringLiteral(".") : rel;
    out.legacy = tmpl::TemplateKind::LegacyJson == tmpl::TemplateLoader::kindOf(path);
    if (out.legacy)
        return loadLegacy(path, out, diags);
    return loadHcl2(path, listBuilds, out, diags);
}

} // namespace kiln::cli
