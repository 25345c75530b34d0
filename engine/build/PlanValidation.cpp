#include "engine/build/PlanValidation.h"

#include "engine/build/BuildPlanner.h"
#include "engine/build/ComponentPreparation.h"
#include "engine/build/ComponentSettings.h"
#include "engine/template/Template.h"

#include <algorithm>

namespace kiln::build {

namespace {

using Stage = PrepareFailure::Stage;

struct Failure
{
    Stage stage = Stage::Builder;
    QString header; // "Failed to prepare build: ..." or "Failed preparing <kind>-block ..."
    QString body; // the component's own error list
    std::optional<hcl::SourceRange> range;
};

std::optional<hcl::SourceRange> valid(const hcl::SourceRange &range)
{
    return range.isValid() ? std::optional(range) : std::nullopt;
}

struct Prepared
{
    QList<Failure> failures;
    // Packer's provisioners and post-processors have no prepare warnings: a build's
    // warnings are its builder's.
    QStringList warnings;
};

// Reads the settings of every component of the plan, as `kiln build` prepares them (the
// same decoding, the same checks), each failure with its block.
Prepared prepare(const BuildPlan &plan)
{
    const PreparedComponents prepared = ComponentPreparation::inOrder(
        plan, [](Stage, const ComponentPlan &component, QStringList *warnings) {
            const std::unique_ptr<registry::Component> made = component.descriptor->settings();
            auto *settings = dynamic_cast<ComponentSettings *>(made.get());
            if (!settings)
                return QStringLiteral("%1 has no settings").arg(component.type);
            QStringList secrets; // nothing is printed but the errors, which never hold them
            return ComponentPreparation::prepare(
                component, nullptr,
                [settings](const ComponentConfig &config) { return settings->read(config); },
                warnings, &secrets);
        });
    Prepared result;
    result.warnings = prepared.warnings;
    for (const PrepareFailure &f : prepared.failures)
        result.failures << Failure{f.stage, ComponentPreparation::failureSummary(plan, f), f.errors,
            valid(f.component->range)};
    return result;
}

// A component validate can prepare: one with settings (every component Kiln can run).
bool runnable(const registry::Registry &registry, registry::ComponentKind kind, const QString &type)
{
    const registry::ComponentDescriptor *d = registry.find(kind, type);
    return d && d->settings;
}

// The build without the components that cannot be prepared; nullopt when its builder is
// one of them.
std::optional<tmpl::PlannedBuild> preparable(
    tmpl::PlannedBuild build, const registry::Registry &registry)
{
    using registry::ComponentKind;
    if (!runnable(registry, ComponentKind::Builder, build.builderType))
        return std::nullopt;
    build.provisioners.removeIf([&](const tmpl::ProvisionerBlock &p) {
        return !runnable(registry, ComponentKind::Provisioner, p.type);
    });
    if (build.errorCleanupProvisioner
        && !runnable(registry, ComponentKind::Provisioner, build.errorCleanupProvisioner->type))
        build.errorCleanupProvisioner.reset();
    for (QList<tmpl::PostProcessorBlock> &chain : build.postProcessors)
        chain.removeIf([&](const tmpl::PostProcessorBlock &pp) {
            return !runnable(registry, ComponentKind::PostProcessor, pp.type);
        });
    build.postProcessors.removeIf(
        [](const QList<tmpl::PostProcessorBlock> &chain) { return chain.isEmpty(); });
    return build;
}

} // namespace

QStringList PlanValidation::unpreparableBuilds(
    const tmpl::legacy::LegacyTemplate &tpl, const registry::Registry &registry)
{
    using registry::ComponentKind;
    QStringList names;
    for (const tmpl::legacy::LegacyBuilder &b : tpl.builders) {
        bool ok = runnable(registry, ComponentKind::Builder, b.type);
        for (const tmpl::legacy::LegacyProvisioner &p : tpl.provisioners)
            ok = ok
                && (p.onlyExcept.skip(b.name)
                    || runnable(registry, ComponentKind::Provisioner, p.type));
        if (tpl.cleanupProvisioner && !tpl.cleanupProvisioner->onlyExcept.skip(b.name))
            ok = ok && runnable(registry, ComponentKind::Provisioner, tpl.cleanupProvisioner->type);
        for (const auto &chain : tpl.postProcessors)
            for (const tmpl::legacy::LegacyPostProcessor &pp : chain)
                ok = ok
                    && (pp.onlyExcept.skip(b.name)
                        || runnable(registry, ComponentKind::PostProcessor, pp.type));
        if (!ok)
            names << b.name;
    }
    return names;
}

hcl::Diagnostics PlanValidation::hcl2(const QList<BuildPlan> &plans)
{
    hcl::Diagnostics diags;
    for (const BuildPlan &plan : plans) {
        const Prepared prepared = prepare(plan);
        const QList<Failure> &failures = prepared.failures;
        // startBuilder: the builder's warnings, at its source block, even when it failed.
        for (const QString &w : prepared.warnings)
            diags += hcl::Diagnostic::warning(w, QString(), valid(plan.builder.range));
        // GetBuilds' stages, in the order Packer prepares them in an HCL2 build.
        for (Stage stage : {Stage::Builder, Stage::Provisioner, Stage::PostProcessor,
                 Stage::ErrorCleanupProvisioner}) {
            bool failed = false;
            for (const Failure &f : failures) {
                if (f.stage != stage)
                    continue;
                failed = true;
                // startBuilder reports the builder's error itself as the summary.
                if (stage == Stage::Builder)
                    diags += hcl::Diagnostic::error(f.body, QString(), f.range);
                else
                    diags += hcl::Diagnostic::error(f.header, f.body, f.range);
            }
            if (failed)
                break;
        }
    }
    return diags;
}

hcl::Diagnostics PlanValidation::hcl2(const tmpl::Template &tpl,
    const QList<tmpl::PlannedBuild> &builds, const registry::Registry &registry)
{
    QList<tmpl::PlannedBuild> ready;
    for (const tmpl::PlannedBuild &b : builds)
        if (std::optional<tmpl::PlannedBuild> p = preparable(b, registry))
            ready << *p;
    hcl::Diagnostics diags;
    QList<BuildPlan> plans = BuildPlanner::plan(tpl, ready, registry, diags);
    if (diags.hasErrors())
        return diags;
    // The plan places its builder where the build uses the source; startBuilder reports
    // at the source block itself.
    for (BuildPlan &plan : plans)
        for (const tmpl::PlannedBuild &b : std::as_const(ready))
            if (b.name == plan.name)
                if (const tmpl::SourceBlock *source = tpl.source(b.source.ref))
                    plan.builder.range = source->ref.defRange;
    diags += hcl2(plans);
    return diags;
}

hcl::Diagnostics PlanValidation::legacy(const QList<BuildPlan> &plans)
{
    QList<const BuildPlan *> sorted;
    for (const BuildPlan &plan : plans)
        sorted << &plan;
    std::sort(sorted.begin(), sorted.end(),
        [](const BuildPlan *a, const BuildPlan *b) { return a->name < b->name; });
    hcl::Diagnostics diags;
    for (const BuildPlan *plan : std::as_const(sorted)) {
        const Prepared prepared = prepare(*plan);
        if (!prepared.failures.isEmpty()) {
            diags += hcl::Diagnostic::error(
                QStringLiteral("Failed to prepare build: \"%1\"").arg(plan->name),
                prepared.failures.first().body);
            continue;
        }
        // Core.GetBuilds: one warning per builder warning, for builds that prepared.
        for (const QString &w : prepared.warnings)
            diags += hcl::Diagnostic::warning(
                QStringLiteral("Warning when preparing build: \"%1\"").arg(plan->name), w);
    }
    return diags;
}

} // namespace kiln::build
