#include "engine/build/BuildPlanner.h"

#include "engine/build/ConfigDecoder.h"
#include "engine/hcl/value/Convert.h"
#include "engine/template/SchemaValidator.h"

#include <QFileInfo>

namespace kiln::build {

using hcl::Diagnostic;
using hcl::Value;
using registry::ComponentKind;

QStringList generatedDataKeys()
{
    return {QStringLiteral("ID"), QStringLiteral("Host"), QStringLiteral("Port"),
        QStringLiteral("User"), QStringLiteral("Password"), QStringLiteral("ConnType"),
        QStringLiteral("PackerRunUUID"), QStringLiteral("PackerHTTPIP"),
        QStringLiteral("PackerHTTPPort"), QStringLiteral("PackerHTTPAddr"),
        QStringLiteral("SSHPublicKey"), QStringLiteral("SSHPrivateKey"),
        QStringLiteral("WinRMPassword")};
}

namespace {

// The `build` object a component body sees: the builder's generated data while the build
// runs, Packer's "{{ build `X` }}" placeholders before.
// `build.*` as provisioners and post-processors see it: the builder's generated data
// (placeholders before the builder has run) and the build block's `name`, which Packer's
// GetBuilds adds for every component of the build.
Value buildObject(const QVariantMap *generated, const QString &buildName)
{
    QMap<QString, Value> attrs;
    if (!generated) {
        for (const QString &key : generatedDataKeys())
            attrs.insert(key, Value::string(QStringLiteral("{{ build `%1` }}").arg(key)));
    } else {
        for (auto it = generated->cbegin(); it != generated->cend(); ++it)
            attrs.insert(it.key(), Value::string(it.value().toString()));
    }
    if (!attrs.contains(QStringLiteral("name")))
        attrs.insert(QStringLiteral("name"), Value::string(buildName));
    return Value::object(attrs);
}

// Applies `override = { "<source name>" = { key = value } }` on top of the decoded config.
ComponentConfig applyOverride(const ComponentConfig &config, const Value &override_,
    const QString &sourceName, const registry::ConfigSchema &schema, hcl::Diagnostics &diags)
{
    if (override_.isNull() || !override_.isKnown() || !override_.hasAttribute(sourceName))
        return config;
    const Value forSource = override_.attribute(sourceName);
    if (forSource.isNull() || !forSource.type().isMapLike())
        return config;
    QMap<QString, Value> attrs = config.object().attributes();
    for (auto it = forSource.attributes().cbegin(); it != forSource.attributes().cend(); ++it) {
        const registry::Field *field = schema.field(it.key());
        if (!field) {
            diags += Diagnostic::error(QStringLiteral("Unsupported argument"),
                QStringLiteral("An argument named \"%1\" is not expected in the override "
                               "for \"%2\".")
                    .arg(it.key(), sourceName));
            continue;
        }
        QString error;
        std::optional<Value> v = hcl::convert(
            it.value().unmarkedDeep(), tmpl::SchemaValidator::valueType(*field), &error);
        if (!v) {
            diags += Diagnostic::error(QStringLiteral("Incorrect attribute value type"),
                QStringLiteral("Inappropriate value for attribute \"%1\": %2.")
                    .arg(it.key(), error));
            continue;
        }
        attrs.insert(it.key(), *v);
    }
    ComponentConfig out(Value::object(attrs));
    out.interpolation = config.interpolation;
    return out;
}

tmpl::legacy::InterpolateContext interpolationFor(
    const tmpl::Template &tpl, const tmpl::PlannedBuild &pb)
{
    tmpl::legacy::InterpolateContext ic;
    ic.buildName = pb.source.effectiveName();
    ic.buildType = pb.builderType;
    ic.corePackerVersion = tpl.coreVersion;
    ic.templatePath = tpl.basedir;
    ic.sensitiveVariables = tpl.sensitiveVariableNames();
    return ic;
}

} // namespace

QList<BuildPlan> BuildPlanner::plan(const tmpl::Template &tpl,
    const QList<tmpl::PlannedBuild> &builds, const registry::Registry &registry,
    hcl::Diagnostics &diags)
{
    QList<BuildPlan> plans;
    for (const tmpl::PlannedBuild &pb : builds) {
        BuildPlan plan;
        plan.name = pb.name;
        plan.buildName = pb.buildName;
        plan.sourceName = pb.source.effectiveName();
        plan.builderType = pb.builderType;
        plan.templateDir = tpl.basedir;
        plan.secrets = tpl.secrets();

        const auto baseContext
            = std::make_shared<hcl::EvalContext>(tmpl::BuildSelector::buildContext(tpl, pb));
        const tmpl::legacy::InterpolateContext interpolation = interpolationFor(tpl, pb);
        bool ok = true;

        auto component = [&](ComponentKind kind, const QString &type, const QString &name,
                             const hcl::BodyPtr &body, const Value &override_,
                             const hcl::SourceRange &range) {
            ComponentPlan cp;
            cp.type = type;
            cp.name = name;
            cp.range = range;
            cp.descriptor = registry.find(kind, type);
            // A component Kiln can run has settings (its implementation may live in the
            // runtime module, which a registry of descriptions does not have).
            if (!cp.descriptor || !cp.descriptor->settings) {
                diags += Diagnostic::error(QStringLiteral("Component not runnable"),
                    cp.descriptor ? QStringLiteral(
                        "Kiln knows the settings of the %1 %2 but cannot run it yet.")
                                        .arg(registry::componentKindName(kind), type)
                                  : QStringLiteral("The %1 %2 is unknown.")
                                        .arg(registry::componentKindName(kind), type),
                    range);
                ok = false;
                return cp;
            }
            const registry::ConfigSchema *schema = &cp.descriptor->schema;
            const QString sourceName = plan.sourceName;
            const QString buildName = plan.buildName;
            cp.decode = [baseContext, body, schema, override_, sourceName, buildName,
                            interpolation](const QVariantMap *generated, hcl::Diagnostics &d,
                            QStringList *secrets) {
                hcl::EvalContext ctx = *baseContext;
                ctx.variables.insert(QStringLiteral("build"), buildObject(generated, buildName));
                ComponentConfig config = ConfigDecoder::decode(body, *schema, ctx, d, secrets);
                config.interpolation = interpolation;
                return applyOverride(config, override_, sourceName, *schema, d);
            };
            return cp;
        };

        plan.builder = component(ComponentKind::Builder, pb.builderType, QString(), pb.source.body,
            Value::dynamicNull(), pb.source.range);
        auto provisioner = [&](const tmpl::ProvisionerBlock &p) {
            ComponentPlan cp = component(
                ComponentKind::Provisioner, p.type, p.name, p.rest, p.override_, p.ref.defRange);
            cp.pauseBeforeMs = p.pauseBeforeMs;
            cp.maxRetries = p.maxRetries;
            cp.timeoutMs = p.timeoutMs;
            return cp;
        };
        for (const tmpl::ProvisionerBlock &p : pb.provisioners)
            plan.provisioners << provisioner(p);
        if (pb.errorCleanupProvisioner)
            plan.errorCleanupProvisioner = provisioner(*pb.errorCleanupProvisioner);
        for (const auto &chain : pb.postProcessors) {
            QList<ComponentPlan> steps;
            for (const tmpl::PostProcessorBlock &pp : chain) {
                ComponentPlan cp = component(ComponentKind::PostProcessor, pp.type, pp.name,
                    pp.rest, Value::dynamicNull(), pp.ref.defRange);
                cp.keepInputArtifact = pp.keepInputArtifact;
                steps << cp;
            }
            if (!steps.isEmpty())
                plan.postProcessors << steps;
        }
        if (ok)
            plans << plan;
    }
    return plans;
}

} // namespace kiln::build
