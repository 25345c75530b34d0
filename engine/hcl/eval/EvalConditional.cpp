// `cond ? a : b`, as hclsyntax's ConditionalExpr: both results are evaluated,
// their types unified, and only the chosen side's diagnostics reported.

#include "engine/hcl/eval/DiagnosticText.h"
#include "engine/hcl/eval/EvalInternal.h"
#include "engine/hcl/value/Convert.h"

namespace kiln::hcl::detail {

namespace {

// hclsyntax's describeConditionalTypeMismatch: explains why two types do not
// unify, looking inside objects, tuples and collections of structural types.
QString describeMismatch(const Type &t, const Type &f)
{
    if (t.kind() == Type::Kind::Object && f.kind() == Type::Kind::Object) {
        // attributeTypes() iterates sorted by name, as hcl sorts before comparing.
        const auto &ta = t.attributeTypes();
        for (auto it = ta.constBegin(); it != ta.constEnd(); ++it) {
            if (!f.hasAttribute(it.key()))
                return QStringLiteral("The 'true' value includes object attribute %1, which is "
                                      "absent in the 'false' value")
                    .arg(goQuote(it.key()));
            const Type fa = f.attributeType(it.key());
            if (it.value() != fa)
                return QStringLiteral("Type mismatch for object attribute %1: %2")
                    .arg(goQuote(it.key()), describeMismatch(it.value(), fa));
        }
        const auto &fa = f.attributeTypes();
        for (auto it = fa.constBegin(); it != fa.constEnd(); ++it)
            if (!t.hasAttribute(it.key()))
                return QStringLiteral("The 'false' value includes object attribute %1, which is "
                                      "absent in the 'true' value")
                    .arg(goQuote(it.key()));
    } else if (t.kind() == Type::Kind::Tuple && f.kind() == Type::Kind::Tuple) {
        const auto &te = t.tupleElements();
        const auto &fe = f.tupleElements();
        if (te.size() != fe.size())
            return QStringLiteral(
                "The 'true' tuple has length %1, but the 'false' tuple has length %2")
                .arg(te.size())
                .arg(fe.size());
        for (qsizetype i = 0; i < te.size(); ++i)
            if (te[i] != fe[i])
                return QStringLiteral("Type mismatch for tuple element %1: %2")
                    .arg(QString::number(i), describeMismatch(te[i], fe[i]));
    } else if (t.isCollection() && f.isCollection() && t.kind() == f.kind()) {
        const Type te = t.elementType();
        const Type fe = f.elementType();
        const bool bothObjects = te.kind() == Type::Kind::Object && fe.kind() == Type::Kind::Object;
        const bool bothTuples = te.kind() == Type::Kind::Tuple && fe.kind() == Type::Kind::Tuple;
        if (bothObjects || bothTuples) {
            const QString noun = t.kind() == Type::Kind::List ? QStringLiteral("list")
                : t.kind() == Type::Kind::Set                 ? QStringLiteral("set")
                                                              : QStringLiteral("map");
            return QStringLiteral("Mismatched %1 element types: %2")
                .arg(noun, describeMismatch(te, fe));
        }
    }
    if (t.friendlyName() == f.friendlyName())
        return QStringLiteral(
            "At least one deeply-nested attribute or element is not compatible across both the "
            "'true' and the 'false' value");
    return QStringLiteral("The 'true' value is %1, but the 'false' value is %2")
        .arg(t.friendlyName(), f.friendlyName());
}

bool isDynamicNull(const Value &v)
{
    return v.isNull() && v.type().isDynamic() && v.isKnown() && !v.isMarked();
}

} // namespace

Value evalConditional(
    const ConditionalExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags)
{
    Diagnostics trueDiags, falseDiags;
    Value trueResult = eval(e.trueResult, ctx, state, trueDiags);
    Value falseResult = eval(e.falseResult, ctx, state, falseDiags);

    // Which sides need converting to the unified type (hcl's convs[0], convs[1]).
    bool convTrue = false, convFalse = false;
    std::optional<Type> resultType = Type::dynamic();
    if (isDynamicNull(trueResult)) {
        resultType = falseResult.type();
        convTrue = true;
    } else if (isDynamicNull(falseResult)) {
        resultType = trueResult.type();
        convFalse = true;
    } else if (trueResult.type().isDynamic() || falseResult.type().isDynamic()) {
        // The final type is not known yet; no conversion is possible.
    } else {
        resultType = unify({trueResult.type(), falseResult.type()});
        if (resultType) {
            convTrue = *resultType != trueResult.type();
            convFalse = *resultType != falseResult.type();
        }
    }

    if (!resultType) {
        diags += exprError(QStringLiteral("Inconsistent conditional result types"),
            QStringLiteral("The true and false result expressions must have consistent types. %1.")
                .arg(describeMismatch(trueResult.type(), falseResult.type())),
            SourceRange::between(e.trueResult->range, e.falseResult->range), e.range);
        return Value::dynamicUnknown();
    }

    Value cond = eval(e.condition, ctx, state, diags);
    if (cond.isNull()) {
        diags += exprError(QStringLiteral("Null condition"),
            QStringLiteral("The condition value is null. Conditions must either be true or false."),
            e.condition->range, e.range);
        return Value::unknown(*resultType);
    }

    // Marks of all three values go on the result, whichever side is taken.
    const QSet<QString> marks = cond.marks() | trueResult.marks() | falseResult.marks();
    cond = cond.unmarked();
    trueResult = trueResult.unmarked();
    falseResult = falseResult.unmarked();

    if (!cond.isKnown()) {
        if (trueResult.isNull() && falseResult.isNull())
            return addMarks(Value::null(*resultType), marks);
        return addMarks(Value::unknown(*resultType), marks);
    }

    QString why;
    const std::optional<Value> b = convert(cond, Type::boolean(), &why);
    if (!b) {
        diags += exprError(QStringLiteral("Incorrect condition type"),
            QStringLiteral("The condition expression must be of type bool."), e.condition->range,
            e.range);
        return Value::unknown(*resultType);
    }
    const bool takeTrue = b->asBool();
    Value result = takeTrue ? trueResult : falseResult;
    diags += takeTrue ? trueDiags : falseDiags;
    if (takeTrue ? convTrue : convFalse) {
        const std::optional<Value> converted = convert(result, *resultType, &why);
        if (!converted) {
            diags += exprError(QStringLiteral("Inconsistent conditional result types"),
                QStringLiteral("The %1 result value has the wrong type: %2.")
                    .arg(takeTrue ? QStringLiteral("true") : QStringLiteral("false"), why),
                takeTrue ? e.trueResult->range : e.falseResult->range, e.range);
            result = Value::unknown(*resultType);
        } else {
            result = *converted;
        }
    }
    return addMarks(result, marks);
}

} // namespace kiln::hcl::detail
