#include "engine/build/TemplatePlanning.h"

#include "engine/build/BuildPlanner.h"
#include "engine/build/DataSourceRunner.h"
#include "engine/build/LegacyPlanning.h"
#include "engine/template/BuildSelector.h"
#include "engine/template/Template.h"
#include "engine/template/TemplateLoader.h"

namespace kiln::build {

namespace {

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
    if (result.stageFailed(diags))
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
    if (result.stageFailed(diags))
        return;

    tmpl::BuildSelectionOptions select;
    select.only = request.only;
    select.except = request.except;
    select.registry = &reg;
    diags.clear();
    const QList<tmpl::PlannedBuild> builds = tmpl::BuildSelector::select(tpl, select, diags);
    if (result.stageFailed(diags))
        return;
    diags.clear();
    QList<BuildPlan> plans = BuildPlanner::plan(tpl, builds, reg, diags);
    if (!result.stageFailed(diags))
        result.plans = std::move(plans);
}

} // namespace

PlanResult planTemplate(const PlanRequest &request, const registry::Registry &registry)
{
    PlanResult result;
    if (tmpl::TemplateLoader::kindOf(request.path) == tmpl::TemplateKind::LegacyJson)
        planLegacyTemplate(request, registry, result);
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
