#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/value/Convert.h"
#include "engine/template/ExpressionDecoder.h"
#include "engine/template/LoaderInternal.h"
#include "engine/template/TemplateFunctions.h"
#include "engine/template/TypeConstraintDecoder.h"

namespace kiln::tmpl::detail {

using hcl::Diagnostic;
using hcl::Diagnostics;
using hcl::Type;
using hcl::Value;

namespace {

// Built once: templates declare variables by the thousand, and the schema is
// only read (which is safe from any thread).
const hcl::BodySchema &variableBlockSchema()
{
    static const hcl::BodySchema schema = [] {
        hcl::BodySchema s;
        s.attributes = {{QStringLiteral("description"), false},
                        {QStringLiteral("default"), false},
                        {QStringLiteral("type"), false},
                        {QStringLiteral("sensitive"), false}};
        s.blocks = {{QStringLiteral("validation"), {}}};
        return s;
    }();
    return schema;
}

// Packer's looksLikeSentences: starts with an upper-case letter (when the first
// character is a letter) and ends with '.', '?' or '!'.
bool looksLikeSentences(const QString &text)
{
    const QString s = text.trimmed();
    if (s.isEmpty())
        return false;
    const QChar first = s.front();
    if (first.isLetter() && !first.isUpper())
        return false;
    const QChar last = s.back();
    return last == QLatin1Char('.') || last == QLatin1Char('?') || last == QLatin1Char('!');
}

VariableValidation decodeValidationBlock(const QString &varName, const hcl::ContentBlock &block, Diagnostics &diags)
{
    VariableValidation vv;
    vv.declRange = block.defRange;
    hcl::BodySchema schema;
    schema.attributes = {{QStringLiteral("condition"), true}, {QStringLiteral("error_message"), true}};
    hcl::BodyContent content = block.body->content(schema, diags);

    if (const hcl::ContentAttribute *attr = content.attribute(QStringLiteral("condition"))) {
        vv.condition = attr->expr;
        // The condition may refer to the variable itself only.
        int goodRefs = 0;
        for (const hcl::Traversal &t : hcl::referencedVariables(attr->expr)) {
            if (t.rootName() == QLatin1String("var") && t.steps.size() >= 2
                && t.steps[1].kind == hcl::TraversalStep::Kind::Attr && t.steps[1].name == varName) {
                ++goodRefs;
                continue;
            }
            diags += Diagnostic::error(QStringLiteral("Invalid reference in variable validation"),
                                       QStringLiteral("The condition for variable \"%1\" can only refer to the "
                                                      "variable itself, using var.%1.")
                                           .arg(varName),
                                       t.sourceRange());
        }
        if (goodRefs < 1)
            diags += Diagnostic::error(QStringLiteral("Invalid variable validation condition"),
                                       QStringLiteral("The condition for variable \"%1\" must refer to var.%1 in "
                                                      "order to test incoming values.")
                                           .arg(varName),
                                       attr->expr->range);
    }

    if (const hcl::ContentAttribute *attr = content.attribute(QStringLiteral("error_message"))) {
        Diagnostics msgDiags;
        std::optional<QString> msg = ExpressionDecoder(nullptr).decodeString(attr->expr, msgDiags);
        diags += msgDiags;
        if (msg && !msgDiags.hasErrors()) {
            vv.errorMessage = *msg;
            const QString summary = QStringLiteral("Invalid validation error message");
            if (msg->isEmpty())
                diags += Diagnostic::error(summary,
                                           QStringLiteral("An empty string is not a valid nor useful error message."),
                                           attr->expr->range);
            else if (!looksLikeSentences(*msg))
                diags += Diagnostic::error(
                    summary,
                    QStringLiteral("Validation error message must be at least one full sentence starting with an "
                                   "uppercase letter ( if the alphabet permits it ) and ending with a period or "
                                   "question mark."),
                    attr->expr->range);
        }
    }
    return vv;
}

Diagnostics decodeVariableBlock(Template &tpl, const hcl::ContentBlock &block, const hcl::EvalContext &ectx)
{
    const QString name = block.labels.value(0);
    // Where the variable goes, found once: the same search answers whether it
    // is a duplicate and is the hint for the insertion at the end.
    const auto slot = tpl.inputVariables.lowerBound(name);
    if (slot != tpl.inputVariables.end() && slot.key() == name) {
        // Packer sets only the context, so it prints no place; Kiln points at the redefinition.
        Diagnostic d = Diagnostic::error(QStringLiteral("Duplicate variable"),
                                         QStringLiteral("Duplicate %1 variable definition found.").arg(name),
                                         block.defRange);
        d.context = block.defRange;
        return {d};
    }

    Diagnostics diags;
    hcl::BodyContent content = block.body->content(variableBlockSchema(), diags);
    if (!isValidIdentifier(name))
        diags += Diagnostic::error(QStringLiteral("Invalid variable name"), badIdentifierDetail(),
                                   block.labelRanges.value(0));

    Variable v;
    v.name = name;
    v.range = block.defRange;

    if (const hcl::ContentAttribute *attr = content.attribute(QStringLiteral("description"))) {
        if (std::optional<QString> d = ExpressionDecoder(nullptr).decodeString(attr->expr, diags))
            v.description = *d;
    }

    std::optional<TypeConstraint> constraint;
    if (const hcl::ContentAttribute *attr = content.attribute(QStringLiteral("type"))) {
        Diagnostics typeDiags;
        constraint = decodeTypeConstraint(attr->expr, typeDiags);
        diags += typeDiags;
        if (typeDiags.hasErrors() || !constraint)
            return diags;
        v.type = constraint->type;
        v.typeDefaults = constraint->defaults;
    }

    if (const hcl::ContentAttribute *attr = content.attribute(QStringLiteral("sensitive"))) {
        if (std::optional<bool> s = ExpressionDecoder(nullptr).decodeBool(attr->expr, diags))
            v.sensitive = *s;
    }

    if (const hcl::ContentAttribute *def = content.attribute(QStringLiteral("default"))) {
        Diagnostics valueDiags;
        Value value = hcl::evaluate(def->expr, &ectx, valueDiags);
        diags += valueDiags;
        if (valueDiags.hasErrors())
            return diags;
        if (constraint)
            value = constraint->applyDefaults(value);
        QString error;
        std::optional<Value> converted = hcl::convert(value, v.type, &error);
        if (!converted) {
            diags += Diagnostic::error(
                QStringLiteral("Invalid default value for variable"),
                QStringLiteral("This default value is not compatible with the variable's type constraint: %1.")
                    .arg(error),
                def->expr->range);
            converted = Value::dynamicUnknown();
        }
        v.values.append({QStringLiteral("default"), *converted, def->expr});
        // Without a type, the default's type becomes the variable's, except for
        // empty objects and tuples which would make every later value invalid.
        const Type &dt = converted->type();
        if (v.type.isDynamic() && !(dt.kind() == Type::Kind::Object && dt.attributeTypes().isEmpty())
            && !(dt.kind() == Type::Kind::Tuple && dt.tupleElements().isEmpty()))
            v.type = dt;
    }

    for (const hcl::ContentBlock &b : content.blocks)
        if (b.type == QLatin1String("validation"))
            v.validations.append(decodeValidationBlock(v.name, b, diags));

    tpl.inputVariables.insert(slot, name, v);
    return diags;
}

Diagnostics decodeLegacyVariable(Template &tpl, const hcl::ContentAttribute &attr, const hcl::EvalContext &ectx)
{
    if (tpl.inputVariables.contains(attr.name))
        return {Diagnostic::error(QStringLiteral("Duplicate variable"),
                                  QStringLiteral("Duplicate %1 variable definition found.").arg(attr.name),
                                  attr.nameRange)};
    Diagnostics diags;
    Value value = hcl::evaluate(attr.expr, &ectx, diags);
    if (diags.hasErrors())
        return diags;
    Variable v;
    v.name = attr.name;
    v.values.append({QStringLiteral("default"), value, attr.expr});
    v.type = value.type();
    v.range = attr.range;
    tpl.inputVariables.insert(attr.name, v);
    return diags;
}

} // namespace

Diagnostics decodeInputVariables(Template &tpl, const hcl::BodyContent &root)
{
    Diagnostics diags;
    // Variable defaults may call env() and nothing else.
    hcl::EvalContext ectx;
    ectx.functions = variableDefaultFunctions(tpl.basedir);
    for (const hcl::ContentBlock &block : root.blocks) {
        if (block.type == QLatin1String("variable")) {
            diags += decodeVariableBlock(tpl, block, ectx);
        } else if (block.type == QLatin1String("variables")) {
            QList<hcl::ContentAttribute> attrs = block.body->justAttributes(diags);
            // hcl's JustAttributes returns a map: Packer walks it in name order.
            std::sort(attrs.begin(), attrs.end(),
                      [](const auto &a, const auto &b) { return a.name < b.name; });
            for (const hcl::ContentAttribute &attr : attrs)
                diags += decodeLegacyVariable(tpl, attr, ectx);
        }
    }
    return diags;
}

} // namespace kiln::tmpl::detail
