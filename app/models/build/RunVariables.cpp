#include "app/models/build/RunVariables.h"

#include "engine/template/PrintableValue.h"
#include "engine/template/TemplateLoader.h"
#include "engine/template/legacy/LegacyTemplateParser.h"

#include <algorithm>

namespace kiln::models {

namespace {

QString firstError(const hcl::Diagnostics &diags)
{
    for (const hcl::Diagnostic &d : diags)
        if (d.severity == hcl::Severity::Error)
            return d.summary;
    return {};
}

QList<RunVariable> legacyVariables(const QString &path, QString *error)
{
    const tmpl::legacy::LegacyParseResult parsed = tmpl::legacy::LegacyTemplateParser::parseFile(path);
    QList<RunVariable> out;
    for (const tmpl::legacy::LegacyVariable &v : parsed.tmpl.variables) {
        RunVariable r;
        r.name = v.name;
        r.sensitive = v.sensitive;
        r.hasDefault = !v.required;
        if (!v.sensitive)
            r.defaultText = v.defaultValue;
        out << r;
    }
    if (error && parsed.diagnostics.hasErrors())
        *error = firstError(parsed.diagnostics);
    return out;
}

QList<RunVariable> hclVariables(const QString &path, QString *error)
{
    tmpl::LoadOptions options;
    options.path = path;
    options.environment = QStringList(); // declarations only: no PKR_VAR_ values
    hcl::Diagnostics diags;
    const tmpl::Template tpl = tmpl::TemplateLoader::parse(options, diags);
    QList<RunVariable> out;
    for (const tmpl::Variable &v : tpl.inputVariables) {
        RunVariable r;
        r.name = v.name;
        r.description = v.description;
        r.sensitive = v.sensitive;
        if (!v.type.isDynamic())
            r.type = v.type.friendlyNameForConstraint();
        const auto def = std::find_if(v.values.cbegin(), v.values.cend(),
            [](const tmpl::VariableAssignment &a) { return a.from == QLatin1String("default"); });
        r.hasDefault = def != v.values.cend();
        if (r.hasDefault && !v.sensitive) {
            // One line, as it is shown in a field: Packer prints lists and maps indented.
            r.defaultText = tmpl::printableValue(def->value).simplified();
            r.defaultText.replace(QStringLiteral(", ]"), QStringLiteral(" ]")).replace(QStringLiteral(", }"), QStringLiteral(" }"));
        }
        out << r;
    }
    if (error && diags.hasErrors())
        *error = firstError(diags);
    return out;
}

} // namespace

QList<RunVariable> runVariablesOf(const QString &path, QString *error)
{
    QList<RunVariable> vars = tmpl::TemplateLoader::kindOf(path) == tmpl::TemplateKind::LegacyJson
        ? legacyVariables(path, error)
        : hclVariables(path, error);
    std::sort(vars.begin(), vars.end(),
        [](const RunVariable &a, const RunVariable &b) { return a.name < b.name; });
    return vars;
}

} // namespace kiln::models
