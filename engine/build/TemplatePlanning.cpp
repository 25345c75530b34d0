#include "engine/build/TemplatePlanning.h"

#include "engine/build/BuildPlanner.h"
#include "engine/build/DataSourceRunner.h"
#include "engine/build/LegacyBuildPlanner.h"
#include "engine/template/BuildSelector.h"
#include "engine/template/Template.h"
#include "engine/template/TemplateLoader.h"
#include "engine/template/legacy/LegacyTemplateParser.h"
#include "engine/template/legacy/LegacyVariableResolver.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace kiln::build {

namespace {

// Adds diagnostics of one stage; true when the stage failed and planning must stop.
bool stageFailed(PlanResult &result, const hcl::Diagnostics &diags)
{
    result.diagnostics += diags;
    result.failed = diags.hasErrors();
    return result.failed;
}

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

void planLegacy(const PlanRequest &request, const registry::Registry &reg, PlanResult &result)
{
    using namespace tmpl::legacy;
    LegacyParseResult parsed = LegacyTemplateParser::parseFile(request.path);
    if (stageFailed(result, parsed.diagnostics))
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
    if (stageFailed(result, vars.diagnostics))
        return;
    LegacyBuildPlanner::Options options;
    options.only = request.only;
    options.except = request.except;
    options.userVariables = vars.values;
    options.secrets = vars.secrets;
    hcl::Diagnostics diags;
    QList<BuildPlan> plans = LegacyBuildPlanner::plan(parsed.tmpl, options, reg, diags);
    if (!stageFailed(result, diags))
        result.plans = std::move(plans);
}

void planHcl2(const PlanRequest &request, const registry::Registry &reg, PlanResult &result)
{
    tmpl::LoadOptions options;
    options.path = request.path;
    options.varSettings = request.vars;
    options.warnOnUndeclaredVar = request.warnOnUndeclaredVar;
    hcl::Diagnostics diags;
    result.tmpl = std::make_shared<tmpl::Template>(tmpl::TemplateLoader::parse(options, diags));
    tmpl::Template &tpl = *result.tmpl;
    result.secrets = tpl.secrets();
    if (stageFailed(result, diags))
        return;

    tmpl::InitializeOptions init;
    init.registry = &reg;
    init.skipDatasourcesExecution = false;
    const CancelTokenPtr cancel = request.cancel ? request.cancel : CancelToken::create();
    init.executeDataSource = [cancel](const tmpl::DataSourceBlock &block,
                                 const registry::ComponentDescriptor &descriptor,
                                 const hcl::EvalContext &ctx, hcl::Diagnostics &d) {
        return DataSourceRunner::execute(block, descriptor, ctx, cancel, d);
    };
    diags = tmpl::TemplateLoader::initialize(tpl, init);
    result.secrets = tpl.secrets();
    if (stageFailed(result, diags))
        return;

    tmpl::BuildSelectionOptions select;
    select.only = request.only;
    select.except = request.except;
    select.registry = &reg;
    diags.clear();
    const QList<tmpl::PlannedBuild> builds = tmpl::BuildSelector::select(tpl, select, diags);
    if (stageFailed(result, diags))
        return;
    diags.clear();
    QList<BuildPlan> plans = BuildPlanner::plan(tpl, builds, reg, diags);
    if (!stageFailed(result, diags))
        result.plans = std::move(plans);
}

} // namespace

PlanResult planTemplate(const PlanRequest &request, const registry::Registry &registry)
{
    PlanResult result;
    if (tmpl::TemplateLoader::kindOf(request.path) == tmpl::TemplateKind::LegacyJson)
        planLegacy(request, registry, result);
    else
        planHcl2(request, registry, result);
    if (result.tmpl)
        result.sources = result.tmpl->sourceBytes();
    return result;
}

PreparedBuilds prepareBuilds(const QList<BuildPlan> &plans)
{
    PreparedBuilds prepared;
    prepared.secrets = std::make_shared<SecretFilter>();
    for (const BuildPlan &plan : plans) {
        prepared.secrets->add(plan.secrets);
        auto b = std::make_shared<Build>(plan);
        const PrepareResult ready = b->prepare();
        for (const QString &e : ready.errors)
            prepared.diagnostics += hcl::Diagnostic::error(e, QString());
        for (const QString &w : ready.warnings)
            prepared.diagnostics += hcl::Diagnostic::warning(w, QString());
        prepared.builds << b;
    }
    return prepared;
}

} // namespace kiln::build
