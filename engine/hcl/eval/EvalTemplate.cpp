// Template rendering: "a ${b} c", heredocs and %{for} joins, as hclsyntax's
// expression_template.go.

#include "engine/hcl/eval/EvalInternal.h"
#include "engine/hcl/value/Convert.h"

namespace kiln::hcl::detail {

Value evalTemplate(
    const TemplateExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags)
{
    QString buf;
    bool isKnown = true;
    QSet<QString> marks;
    std::optional<Value> single;
    const qsizetype diagsBefore = diags.size();
    auto hasNewErrors = [&] {
        for (qsizetype i = diagsBefore; i < diags.size(); ++i)
            if (diags[i].severity == Severity::Error)
                return true;
        return false;
    };

    for (const ExprPtr &part : e.parts) {
        const Value partVal = eval(part, ctx, state, diags);
        if (partVal.isNull()) {
            diags += exprError(QStringLiteral("Invalid template interpolation value"),
                QStringLiteral("The expression result is null. Cannot include a null value in a "
                               "string template."),
                part->range, e.range);
            continue;
        }
        marks |= partVal.marks();
        const Value unmarked = partVal.unmarked();
        if (!partVal.isKnown()) {
            // Keep going so that later parts still report their problems.
            isKnown = false;
            continue;
        }
        QString why;
        const std::optional<Value> str = convert(unmarked, Type::string(), &why);
        if (!str) {
            diags += exprError(QStringLiteral("Invalid template interpolation value"),
                QStringLiteral("Cannot include the given value in a string template: %1.").arg(why),
                part->range, e.range);
            continue;
        }
        if (isKnown && !hasNewErrors()) {
            if (e.parts.size() == 1)
                single = str->unmarked();
            buf += str->unmarked().asString();
        }
    }

    // A template of one part ("text", or "${x}" around a string) is that part's
    // string: every string Value is kept in NFC, so the value is already what
    // Value::string(buf) would make, without a new payload for it.
    if (isKnown && single)
        return addMarks(*single, marks);
    const Value ret = isKnown ? Value::string(buf) : Value::unknown(Type::string());
    return addMarks(ret, marks);
}

Value evalTemplateJoin(
    const TemplateJoinExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags)
{
    const Value tuple = eval(e.tuple, ctx, state, diags);
    // The parser only ever wraps a for expression here, whose result is a tuple,
    // or unknown of Dynamic type when its collection is not yet known.
    if (tuple.isNull() || tuple.type().isDynamic() || tuple.type().kind() != Type::Kind::Tuple
        || !tuple.isKnown())
        return Value::unknown(Type::string());

    const QSet<QString> marks = tuple.marks();
    QSet<QString> allMarks = marks;
    QString buf;
    const SourceRange range = e.tuple ? e.tuple->range : e.range;
    // Held here: unmarked() of a marked value is a new value, which a range-for over
    // its elements() would destroy before the loop.
    const Value unmarked = tuple.unmarked();
    for (const Value &val : unmarked.elements()) {
        if (val.isNull()) {
            diags += Diagnostic::error(QStringLiteral("Invalid template interpolation value"),
                QStringLiteral("An iteration result is null. Cannot include a null value in a "
                               "string template."),
                range);
            continue;
        }
        if (val.type().isDynamic())
            return addMarks(Value::unknown(Type::string()), marks);
        QString why;
        const std::optional<Value> str = convert(val.unmarked(), Type::string(), &why);
        if (!str) {
            diags += Diagnostic::error(QStringLiteral("Invalid template interpolation value"),
                QStringLiteral(
                    "Cannot include one of the interpolation results into the string template: %1.")
                    .arg(why),
                range);
            continue;
        }
        if (!val.isKnown())
            return addMarks(Value::unknown(Type::string()), marks);
        allMarks |= val.marks();
        buf += str->asString();
    }
    return addMarks(Value::string(buf), allMarks);
}

} // namespace kiln::hcl::detail
