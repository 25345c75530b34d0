#include "engine/template/SchemaValidator.h"

#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/value/Convert.h"
#include "engine/template/GoDuration.h"
#include "engine/template/LoaderInternal.h"

namespace kiln::tmpl {

using hcl::Diagnostic;
using hcl::Diagnostics;
using hcl::Type;
using hcl::Value;
using registry::ConfigSchema;
using registry::Field;
using registry::FieldType;

Type SchemaValidator::valueType(const Field &field)
{
    switch (field.type()) {
    case FieldType::String:
    case FieldType::Duration:
    case FieldType::Path:
    case FieldType::Enum:
        return Type::string();
    case FieldType::Number:
        return Type::number();
    case FieldType::Bool:
        return Type::boolean();
    case FieldType::List:
        return Type::list(field.element() ? valueType(*field.element()) : Type::dynamic());
    case FieldType::Map:
        return Type::map(field.element() ? valueType(*field.element()) : Type::dynamic());
    case FieldType::Block:
    case FieldType::Any:
        return Type::dynamic();
    }
    return Type::dynamic();
}

QString SchemaValidator::multiErrorText(const QStringList &errors)
{
    QStringList points;
    for (const QString &e : errors)
        points << QStringLiteral("* ") + e;
    return QStringLiteral("%1 error(s) occurred:\n\n%2").arg(errors.size()).arg(points.join(QLatin1Char('\n')));
}

namespace {

// Plugin-level checks on a known value: duration syntax and enum membership.
void checkValue(const Field &field, const Value &v, QStringList &errors)
{
    if (v.isNull() || !v.isWhollyKnown())
        return;
    const Value plain = v.unmarkedDeep();
    if (field.type() == FieldType::Duration && plain.type() == Type::string() && !plain.asString().isEmpty()) {
        QString error;
        if (!parseGoDuration(plain.asString(), &error))
            errors << QStringLiteral("Failed parsing %1: %2").arg(field.key(), error);
    } else if (field.type() == FieldType::Enum && plain.type() == Type::string() && !field.enumValues().isEmpty()
               && !field.enumValues().contains(plain.asString())) {
        errors << QStringLiteral("%1 must be one of: %2").arg(field.key(), field.enumValues().join(QStringLiteral(", ")));
    }
}

} // namespace

void SchemaValidator::check(const hcl::BodyPtr &body, const ConfigSchema &schema, const hcl::EvalContext *ctx,
                            Result &out) const
{
    hcl::BodySchema bodySchema;
    for (const Field &f : schema) {
        if (f.isLegacyOnly())
            continue;
        if (f.isBlock())
            bodySchema.blocks.append({f.key(), {}});
        else
            bodySchema.attributes.append({f.key(), f.isRequired()});
    }
    hcl::BodyContent content = body->content(bodySchema, out.diagnostics);

    QStringList present;
    for (const hcl::ContentAttribute &attr : content.attributes) {
        const Field *field = schema.field(attr.name);
        if (!field)
            continue;
        Diagnostics evalDiags;
        Value v = hcl::evaluate(attr.expr, ctx, evalDiags);
        out.diagnostics += evalDiags;
        if (evalDiags.hasErrors()) {
            // Set, if wrongly: the exclusive-group checks below must not also call it missing.
            present << attr.name;
            continue;
        }
        if (!v.isNull())
            present << attr.name;
        QString error;
        std::optional<Value> converted = hcl::convert(v, valueType(*field), &error);
        if (!converted) {
            Diagnostic d = Diagnostic::error(
                QStringLiteral("Incorrect attribute value type"),
                QStringLiteral("Inappropriate value for attribute \"%1\": %2.").arg(attr.name, error), attr.expr->range);
            d.context = hcl::SourceRange::between(attr.nameRange, attr.expr->range);
            out.diagnostics += d;
            present << attr.name;
            continue;
        }
        checkValue(*field, *converted, out.prepareErrors);
        if (field->type() == FieldType::List && field->element() && converted->isWhollyKnown() && !converted->isNull())
            for (const Value &e : converted->elements())
                checkValue(*field->element(), e, out.prepareErrors);
    }

    // Nested blocks: single ones at most once, each checked against its schema.
    QHash<QString, const hcl::ContentBlock *> seen;
    for (const hcl::ContentBlock &block : content.blocks) {
        const Field *field = schema.field(block.type);
        if (!field || !field->nested())
            continue;
        present << block.type;
        if (!field->isRepeatable()) {
            if (const hcl::ContentBlock *first = seen.value(block.type)) {
                out.diagnostics += Diagnostic::error(
                    QStringLiteral("Duplicate %1 block").arg(block.type),
                    QStringLiteral("Only one block of type \"%1\" is allowed. Previous definition was at %2.")
                        .arg(block.type, detail::rangeString(first->defRange)),
                    block.defRange);
                continue;
            }
            seen.insert(block.type, &block);
        }
        check(block.body, *field->nested(), ctx, out);
    }

    for (const registry::ExclusiveGroup &group : schema.exclusiveGroups()) {
        QStringList set;
        for (const QString &k : group.keys)
            if (present.contains(k))
                set << k;
        if (set.size() > 1) {
            out.prepareErrors << (group.conflictMessage.isEmpty()
                                      ? QStringLiteral("only one of %1 may be set").arg(group.keys.join(QStringLiteral(", ")))
                                      : group.conflictMessage);
        } else if (set.isEmpty() && group.rule == registry::ExclusiveGroup::Rule::ExactlyOne) {
            out.prepareErrors << (group.missingMessage.isEmpty()
                                      ? QStringLiteral("one of %1 must be set").arg(group.keys.join(QStringLiteral(", ")))
                                      : group.missingMessage);
        }
    }
}

SchemaValidator::Result SchemaValidator::validate(const hcl::BodyPtr &body, const ConfigSchema &schema,
                                                  const hcl::EvalContext *ctx) const
{
    Result r;
    if (body)
        check(body, schema, ctx, r);
    return r;
}

Diagnostics SchemaValidator::validateBody(const hcl::BodyPtr &body, const ConfigSchema &schema,
                                          const hcl::EvalContext *ctx) const
{
    Result r = validate(body, schema, ctx);
    Diagnostics diags = r.diagnostics;
    if (!r.prepareErrors.isEmpty())
        diags += Diagnostic::error(multiErrorText(r.prepareErrors), QString(),
                                   body ? std::optional<hcl::SourceRange>(body->missingItemRange()) : std::nullopt);
    return diags;
}

} // namespace kiln::tmpl
