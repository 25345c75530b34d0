#include "engine/build/ComponentPreparation.h"

namespace kiln::build {

namespace {

QString diagnosticsText(const hcl::Diagnostics &diags)
{
    QStringList lines;
    for (const hcl::Diagnostic &d : diags) {
        if (d.severity != hcl::Severity::Error)
            continue;
        lines << (d.detail.isEmpty() ? d.summary : d.summary + QStringLiteral(": ") + d.detail);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString ComponentPreparation::prepare(const ComponentPlan &plan, const QVariantMap *generated,
    const Prepare &prepare, QStringList *warnings, QStringList *secrets)
{
    hcl::Diagnostics diags;
    const ComponentConfig config = plan.decode(generated, diags, secrets);
    if (diags.hasErrors())
        return diagnosticsText(diags);
    const PrepareResult prepared = prepare(config);
    if (warnings)
        *warnings += prepared.warnings;
    if (prepared.ok())
        return {};
    QStringList points;
    for (const QString &e : prepared.errors)
        points << QStringLiteral("* ") + e;
    return QStringLiteral("%1 error(s) occurred:\n\n%2")
        .arg(prepared.errors.size())
        .arg(points.join(QLatin1Char('\n')));
}

PreparedComponents ComponentPreparation::inOrder(const BuildPlan &plan, const One &one)
{
    using Stage = PrepareFailure::Stage;
    PreparedComponents result;
    auto check = [&](Stage stage, const ComponentPlan &p) {
        const QString error = one(stage, p, stage == Stage::Builder ? &result.warnings : nullptr);
        if (!error.isEmpty())
            result.failures << PrepareFailure{stage, &p, error};
    };
    check(Stage::Builder, plan.builder);
    for (const ComponentPlan &p : plan.provisioners)
        check(Stage::Provisioner, p);
    if (plan.errorCleanupProvisioner)
        check(Stage::ErrorCleanupProvisioner, *plan.errorCleanupProvisioner);
    for (const auto &chain : plan.postProcessors)
        for (const ComponentPlan &p : chain)
            check(Stage::PostProcessor, p);
    return result;
}

QString ComponentPreparation::failureSummary(const BuildPlan &plan, const PrepareFailure &failure)
{
    if (failure.stage == PrepareFailure::Stage::Builder)
        return QStringLiteral("Failed to prepare build: \"%1\"").arg(plan.name);
    const QString kind = failure.stage == PrepareFailure::Stage::PostProcessor
        ? QStringLiteral("post-processor")
        : QStringLiteral("provisioner");
    return QStringLiteral("Failed preparing %1-block \"%2\" \"%3\"")
        .arg(kind, failure.component->type, failure.component->name);
}

} // namespace kiln::build
