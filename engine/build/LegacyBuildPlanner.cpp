#include "engine/build/LegacyBuildPlanner.h"

#include "engine/hcl/value/Convert.h"
#include "engine/template/SchemaValidator.h"
#include "engine/template/legacy/Interpolator.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace kiln::build {

using hcl::Diagnostic;
using hcl::Value;
using hcl::json::JsonValue;
using registry::ComponentKind;
using tmpl::legacy::InterpolateContext;
using tmpl::legacy::Interpolator;

namespace {

// `{{ .Field }}` and `{{ build `X` }}` need data only the component has at run time.
bool usesCallData(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("\\{\\{-?\\s*(\\.|build\\s|\\$)"));
    return re.match(text).hasMatch();
}

Value toValue(const JsonValue &v, const InterpolateContext &ic, hcl::Diagnostics &diags)
{
    switch (v.kind()) {
    case JsonValue::Kind::String: {
        if (!v.text().contains(QLatin1String("{{")) || usesCallData(v.text()))
            return Value::string(v.text());
        const Interpolator::Result r = Interpolator::render(v.text(), ic);
        if (!r.ok()) {
            diags += Diagnostic::error(QStringLiteral("Error rendering template"),
                QStringLiteral("Error interpolating \"%1\": %2").arg(v.text(), r.error->message),
                v.range());
            return Value::string(v.text());
        }
        return Value::string(r.value);
    }
    case JsonValue::Kind::Number: {
        bool ok = false;
        const qint64 n = v.toInt64(&ok);
        if (ok)
            return Value::number(n);
        std::optional<Value> parsed = hcl::convert(Value::string(v.text()), hcl::Type::number());
        return parsed ? *parsed : Value::string(v.text());
    }
    case JsonValue::Kind::Bool:
        return Value::boolean(v.boolValue());
    case JsonValue::Kind::Array: {
        QList<Value> elements;
        for (const JsonValue &e : v.elements())
            elements << toValue(e, ic, diags);
        return Value::tuple(elements);
    }
    case JsonValue::Kind::Object: {
        QMap<QString, Value> attrs;
        for (const auto &m : v.members())
            attrs.insert(m.key, toValue(m.value, ic, diags));
        return Value::object(attrs);
    }
    case JsonValue::Kind::Null:
    case JsonValue::Kind::Invalid:
        break;
    }
    return Value::dynamicNull();
}

bool globMatch(const QStringList &patterns, const QString &name)
{
    for (const QString &p : patterns) {
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(
                                        p, QRegularExpression::UnanchoredWildcardConversion),
            QRegularExpression::NoPatternOption);
        const QRegularExpression anchored(QRegularExpression::anchoredPattern(re.pattern()));
        if (anchored.match(name).hasMatch())
            return true;
    }
    return false;
}

} // namespace

ComponentConfig LegacyBuildPlanner::decode(const JsonValue &config,
    const registry::ConfigSchema &schema, const InterpolateContext &ic, hcl::Diagnostics &diags)
{
    QMap<QString, Value> attrs;
    QHash<QString, hcl::SourceRange> ranges;
    if (config.isObject()) {
        QStringList unknown;
        for (const auto &m : config.members()) {
            if (m.key.startsWith(QLatin1String("packer_")))
                continue;
            const registry::Field *field = schema.field(m.key);
            if (!field) {
                unknown << m.key;
                continue;
            }
            if (field->isBlock() && field->nested()) {
                QList<Value> blocks;
                const auto addBlock = [&](const JsonValue &b) {
                    blocks << decode(b, *field->nested(), ic, diags).object();
                };
                if (m.value.isArray())
                    for (const JsonValue &b : m.value.elements())
                        addBlock(b);
                else
                    addBlock(m.value);
                attrs.insert(m.key,
                    field->isRepeatable() ? Value::tuple(blocks)
                                          : blocks.value(0, Value::emptyObject()));
                ranges.insert(m.key, m.value.range());
                continue;
            }
            const Value raw = toValue(m.value, ic, diags);
            QString error;
            std::optional<Value> converted
                = hcl::convert(raw, tmpl::SchemaValidator::valueType(*field), &error);
            if (!converted) {
                diags += Diagnostic::error(QStringLiteral("Incorrect attribute value type"),
                    QStringLiteral("'%1' expected type '%2': %3")
                        .arg(m.key, field->typeExpression(), error),
                    m.value.range());
                continue;
            }
            attrs.insert(m.key, *converted);
            ranges.insert(m.key, m.value.range());
        }
        std::sort(unknown.begin(), unknown.end());
        for (const QString &key : unknown)
            diags
                += Diagnostic::error(QStringLiteral("unknown configuration key: '\"%1\"'").arg(key),
                    QString(), config.first(key) ? config.first(key)->keyRange : config.range());
    }
    ComponentConfig out(Value::object(attrs), ranges);
    out.interpolation = ic;
    return out;
}

QList<BuildPlan> LegacyBuildPlanner::plan(const tmpl::legacy::LegacyTemplate &tpl,
    const Options &options, const registry::Registry &registry, hcl::Diagnostics &diags)
{
    QList<BuildPlan> plans;
    const QString templateDir = tpl.path.isEmpty() ? QString() : QFileInfo(tpl.path).absolutePath();
    for (const tmpl::legacy::LegacyBuilder &b : tpl.builders) {
        if (!options.only.isEmpty() && !globMatch(options.only, b.name))
            continue;
        if (!options.except.isEmpty() && globMatch(options.except, b.name))
            continue;

        InterpolateContext ic = options.base;
        ic.userVariables = options.userVariables;
        ic.buildName = b.name;
        ic.buildType = b.type;
        // The template file: template_dir is its directory.
        ic.templatePath = tpl.path;
        ic.enableEnv = false;

        BuildPlan plan;
        plan.name = b.name;
        plan.sourceName = b.name;
        plan.builderType = b.type;
        plan.templateDir = templateDir;
        plan.secrets = options.secrets;
        bool ok = true;

        auto component = [&](ComponentKind kind, const QString &type, const QString &name,
                             const JsonValue &config, const JsonValue &override_,
                             const hcl::SourceRange &range) {
            ComponentPlan cp;
            cp.type = type;
            cp.name = name;
            cp.range = range;
            cp.descriptor = registry.find(kind, type);
            // A component Kiln can run has settings (its implementation may live in the
            // runtime module, which a registry of descriptions does not have).
            if (!cp.descriptor || !cp.descriptor->settings) {
                diags += Diagnostic::error(
                    QStringLiteral("Failed to initialize build \"%1\"").arg(b.name),
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
            // Packer merges the override for this build over the settings.
            JsonValue effective = config;
            const JsonValue *forBuild = override_.isObject() ? override_.get(b.name) : nullptr;
            cp.decode =
                [effective,
                    forBuild = forBuild ? std::optional<JsonValue>(*forBuild) : std::nullopt,
                    schema, ic](const QVariantMap *generated, hcl::Diagnostics &d, QStringList *) {
                    InterpolateContext callIc = ic;
                    if (generated)
                        callIc.data = *generated;
                    ComponentConfig c = decode(effective, *schema, callIc, d);
                    if (forBuild) {
                        const ComponentConfig o = decode(*forBuild, *schema, callIc, d);
                        QMap<QString, Value> attrs = c.object().attributes();
                        for (auto it = o.object().attributes().cbegin();
                             it != o.object().attributes().cend(); ++it)
                            attrs.insert(it.key(), it.value());
                        ComponentConfig merged(Value::object(attrs));
                        merged.interpolation = ic;
                        return merged;
                    }
                    c.interpolation = ic;
                    return c;
                };
            return cp;
        };

        plan.builder = component(
            ComponentKind::Builder, b.type, QString(), b.config, JsonValue(), b.nameRange);
        auto provisioner = [&](const tmpl::legacy::LegacyProvisioner &p) {
            ComponentPlan cp = component(
                ComponentKind::Provisioner, p.type, QString(), p.config, p.override, p.raw.range());
            cp.pauseBeforeMs = p.pauseBeforeMs;
            cp.maxRetries = p.maxRetries.toInt();
            cp.timeoutMs = p.timeoutMs;
            return cp;
        };
        for (const auto &p : tpl.provisioners)
            if (!p.onlyExcept.skip(b.name))
                plan.provisioners << provisioner(p);
        if (tpl.cleanupProvisioner && !tpl.cleanupProvisioner->onlyExcept.skip(b.name))
            plan.errorCleanupProvisioner = provisioner(*tpl.cleanupProvisioner);
        for (const auto &chain : tpl.postProcessors) {
            QList<ComponentPlan> steps;
            for (const auto &pp : chain) {
                if (pp.onlyExcept.skip(b.name)
                    || (!options.except.isEmpty() && globMatch(options.except, pp.name)))
                    continue;
                ComponentPlan cp = component(ComponentKind::PostProcessor, pp.type,
                    pp.name == pp.type ? QString() : pp.name, pp.config, JsonValue(), pp.range);
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
