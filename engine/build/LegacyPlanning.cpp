#include "engine/build/LegacyPlanning.h"

#include "engine/build/LegacyBuildPlanner.h"
#include "engine/template/legacy/LegacyTemplateParser.h"
#include "engine/template/legacy/LegacyVariableResolver.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace kiln::build {

namespace {

// -var-file for a legacy template: a JSON object of strings (Packer's JSON var file).
bool readLegacyVarFile(const QString &path, QMap<QString, QString> &out, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("open %1: %2").arg(path, f.errorString());
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject()) {
        *error = QStringLiteral("Error reading variables in '%1': %2").arg(path, pe.errorString());
        return false;
    }
    const QJsonObject obj = doc.object();
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (!it.value().isString()) {
            // encoding/json into Packer's map[string]string.
            *error = QStringLiteral("Error reading variables in '%1': json: cannot unmarshal %2 "
                                    "into Go value of type string")
                         .arg(path,
                             it.value().isDouble()      ? QStringLiteral("number")
                                 : it.value().isBool()  ? QStringLiteral("bool")
                                 : it.value().isArray() ? QStringLiteral("array")
                                                        : QStringLiteral("object"));
            return false;
        }
        out.insert(it.key(), it.value().toString());
    }
    return true;
}

} // namespace

void planLegacyTemplate(
    const PlanRequest &request, const registry::Registry &reg, PlanResult &result)
{
    planLegacyTemplate(
        tmpl::legacy::LegacyTemplateParser::parseFile(request.path), request, reg, result);
}

void planLegacyTemplate(const tmpl::legacy::LegacyParseResult &parsed, const PlanRequest &request,
    const registry::Registry &reg, PlanResult &result)
{
    using namespace tmpl::legacy;
    if (result.stageFailed(parsed.diagnostics))
        return;
    QMap<QString, QString> given;
    for (const tmpl::VarSetting &v : request.vars) {
        if (v.kind == tmpl::VarSetting::Kind::Var) {
            given.insert(v.name, v.value);
        } else if (!readLegacyVarFile(v.value, given, &result.error)) {
            result.failed = true;
            return;
        }
    }
    // The variables section sees template_dir too (Packer's core.go renders it with the
    // template's path).
    InterpolateContext base;
    base.templatePath = parsed.tmpl.path;
    LegacyVariableResolver::Result vars = LegacyVariableResolver::resolve(parsed.tmpl, given, base);
    result.secrets = vars.secrets;
    if (result.stageFailed(vars.diagnostics))
        return;
    LegacyBuildPlanner::Options options;
    options.only = request.only;
    options.except = request.except;
    options.userVariables = vars.values;
    options.secrets = vars.secrets;
    hcl::Diagnostics diags;
    QList<BuildPlan> plans = LegacyBuildPlanner::plan(parsed.tmpl, options, reg, diags);
    if (!result.stageFailed(diags))
        result.plans = std::move(plans);
}

} // namespace kiln::build
