#include "engine/build/ConfigDecoder.h"

#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/value/Convert.h"
#include "engine/template/SchemaValidator.h"

namespace kiln::build {

using hcl::Value;
using registry::Field;

void ConfigDecoder::collectSensitive(const Value &value, QStringList &out)
{
    // Only the strings under a sensitive mark: a list holding one secret among ordinary
    // names must not blank the names everywhere in the output.
    std::function<void(const Value &, bool)> walk = [&](const Value &v, bool inherited) {
        const bool sensitive = inherited || v.isSensitive();
        if (v.isNull() || !v.isKnown())
            return;
        if (v.type() == hcl::Type::string()) {
            if (sensitive)
                out << v.asString();
        } else if (v.type().isListLike() || v.type().isMapLike()) {
            for (const Value &e : v.elements())
                walk(e, sensitive);
        } else if (sensitive && v.type() != hcl::Type::boolean()) {
            out << v.unmarkedDeep().debugString();
        }
    };
    walk(value, false);
}

ComponentConfig ConfigDecoder::decode(const hcl::BodyPtr &body, const registry::ConfigSchema &schema,
                                      const hcl::EvalContext &ctx, hcl::Diagnostics &diags, QStringList *secrets)
{
    if (!body)
        return {};
    hcl::BodySchema bodySchema;
    for (const Field &f : schema) {
        if (f.isLegacyOnly())
            continue;
        if (f.isBlock())
            bodySchema.blocks.append({ f.key(), {} });
        else
            bodySchema.attributes.append({ f.key(), false });
    }
    const hcl::BodyContent content = body->content(bodySchema, diags);

    QMap<QString, Value> attributes;
    QHash<QString, hcl::SourceRange> ranges;
    for (const hcl::ContentAttribute &attr : content.attributes) {
        const Field *field = schema.field(attr.name);
        if (!field)
            continue;
        hcl::Diagnostics evalDiags;
        Value v = hcl::evaluate(attr.expr, &ctx, evalDiags);
        diags += evalDiags;
        if (evalDiags.hasErrors())
            continue;
        if (secrets)
            collectSensitive(v, *secrets);
        QString error;
        std::optional<Value> converted = hcl::convert(v.unmarkedDeep(), tmpl::SchemaValidator::valueType(*field), &error);
        if (!converted) {
            diags += hcl::Diagnostic::error(
                QStringLiteral("Incorrect attribute value type"),
                QStringLiteral("Inappropriate value for attribute \"%1\": %2.").arg(attr.name, error), attr.expr->range);
            continue;
        }
        attributes.insert(attr.name, *converted);
        ranges.insert(attr.name, attr.expr->range);
    }

    QMap<QString, QList<Value>> blockValues;
    for (const hcl::ContentBlock &block : content.blocks) {
        const registry::ConfigSchema *nested = schema.nested(block.type);
        if (!nested)
            continue;
        const ComponentConfig inner = decode(block.body, *nested, ctx, diags, secrets);
        blockValues[block.type].append(inner.object());
        ranges.insert(block.type, block.defRange);
    }
    for (auto it = blockValues.cbegin(); it != blockValues.cend(); ++it) {
        const Field *field = schema.field(it.key());
        if (field && !field->isRepeatable() && it.value().size() == 1)
            attributes.insert(it.key(), it.value().first());
        else
            attributes.insert(it.key(), Value::tuple(it.value()));
    }
    return ComponentConfig(Value::object(attributes), ranges);
}

} // namespace kiln::build
