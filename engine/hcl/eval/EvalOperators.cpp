// Binary and unary operators, as hclsyntax's expression_ops.go calling cty's
// stdlib operator functions (Add, Equal, And, ...): operands are converted to the
// operator's parameter type, marks are taken off and put back on the result,
// unknown operands give unknown results, and null operands are an error.

#include "engine/hcl/eval/EvalInternal.h"
#include "engine/hcl/value/Convert.h"

namespace kiln::hcl::detail {

namespace {

enum class OpFamily { Logical, Equality, Compare, Arithmetic };

OpFamily familyOf(BinaryOperator op)
{
    switch (op) {
    case BinaryOperator::Or:
    case BinaryOperator::And:
        return OpFamily::Logical;
    case BinaryOperator::Equal:
    case BinaryOperator::NotEqual:
        return OpFamily::Equality;
    case BinaryOperator::Greater:
    case BinaryOperator::GreaterOrEqual:
    case BinaryOperator::Less:
    case BinaryOperator::LessOrEqual:
        return OpFamily::Compare;
    default:
        return OpFamily::Arithmetic;
    }
}

// The cty parameter type of the operator's function (Equal takes any type).
Type paramType(OpFamily f)
{
    switch (f) {
    case OpFamily::Logical:
        return Type::boolean();
    case OpFamily::Equality:
        return Type::dynamic();
    default:
        return Type::number();
    }
}

Type resultType(OpFamily f)
{
    return f == OpFamily::Arithmetic ? Type::number() : Type::boolean();
}

// Converts an operand, keeping its marks outside so the caller can collect them.
std::optional<Value> convertOperand(const Value &v, const Type &want, QString *why)
{
    if (want.isDynamic())
        return v;
    std::optional<Value> c = convert(v.unmarked(), want, why);
    if (c)
        *c = addMarks(*c, v.marks());
    return c;
}

// cty number arithmetic on known, non-null operands. big.Float panics with
// ErrNaN where the result is not a number; cty's functions turn that into these
// messages, which we reproduce by checking the same cases up front.
Value arithmetic(BinaryOperator op, const Number &a, const Number &b, QString &err)
{
    const bool aInf = a.isInfinity(), bInf = b.isInfinity();
    switch (op) {
    case BinaryOperator::Add:
        if (aInf && bInf && a.sign() != b.sign()) {
            err = QStringLiteral("can't compute sum of opposing infinities");
            return {};
        }
        return Value::number(a + b);
    case BinaryOperator::Subtract:
        if (aInf && bInf && a.sign() == b.sign()) {
            err = QStringLiteral("can't subtract infinity from itself");
            return {};
        }
        return Value::number(a - b);
    case BinaryOperator::Multiply:
        if ((aInf && b.isZero()) || (bInf && a.isZero())) {
            err = QStringLiteral("can't multiply zero by infinity");
            return {};
        }
        return Value::number(a * b);
    case BinaryOperator::Divide:
        if ((a.isZero() && b.isZero()) || (aInf && bInf)) {
            err = QStringLiteral("can't divide zero by zero or infinity by infinity");
            return {};
        }
        return Value::number(a / b);
    case BinaryOperator::Modulo:
        // cty's Modulo: with an infinity it multiplies (for the sign), and
        // x % 0 is x itself.
        if (aInf || bInf) {
            if (a.isZero() || b.isZero()) {
                err = QStringLiteral("can't use modulo with zero and infinity");
                return {};
            }
            return Value::number(a * b);
        }
        if (b.isZero())
            return Value::number(a);
        return Value::number(a % b);
    default:
        return {};
    }
}

Value compare(BinaryOperator op, const Number &a, const Number &b)
{
    const int c = a.compare(b);
    switch (op) {
    case BinaryOperator::Greater:
        return Value::boolean(c > 0);
    case BinaryOperator::GreaterOrEqual:
        return Value::boolean(c >= 0);
    case BinaryOperator::Less:
        return Value::boolean(c < 0);
    default:
        return Value::boolean(c <= 0);
    }
}

// hcl's ShortCircuit for && and ||. Returns nullopt to proceed normally;
// otherwise the result plus which side's diagnostics to keep.
std::optional<Value> shortCircuit(
    BinaryOperator op, const Value &lhs, const Value &rhs, bool lhsHasErrors, bool &keepLhsDiags)
{
    const bool isOr = op == BinaryOperator::Or;
    keepLhsDiags = true;
    if (!lhs.isKnown() && !rhs.isKnown()) {
        if (!lhsHasErrors)
            return Value::unknown(Type::boolean());
        return std::nullopt;
    }
    auto controlling = [isOr](const Value &v) { return isOr ? isKnownTrue(v) : isKnownFalse(v); };
    auto neutral = [isOr](const Value &v) { return isOr ? isKnownFalse(v) : isKnownTrue(v); };
    if (controlling(lhs))
        return Value::boolean(isOr);
    if (controlling(rhs)) {
        keepLhsDiags = false;
        return Value::boolean(isOr);
    }
    if (!lhs.isKnown() && neutral(rhs))
        return Value::unknown(Type::boolean());
    if (!rhs.isKnown() && neutral(lhs)) {
        keepLhsDiags = false;
        return Value::unknown(Type::boolean());
    }
    return std::nullopt;
}

Diagnostic operationFailed(const QString &message, const SourceRange &range)
{
    return Diagnostic::error(QStringLiteral("Operation failed"),
        QStringLiteral("Error during operation: %1.").arg(message), range);
}

} // namespace

Value evalBinaryOp(
    const BinaryOpExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags)
{
    const OpFamily family = familyOf(e.op);
    const Type want = paramType(family);
    const Type retType = resultType(family);
    Diagnostics convDiags;

    Diagnostics lhsDiags;
    const Value givenLhs = eval(e.lhs, ctx, state, lhsDiags);
    QString why;
    std::optional<Value> lhs = convertOperand(givenLhs, want, &why);
    if (!lhs)
        convDiags += exprError(QStringLiteral("Invalid operand"),
            QStringLiteral("Unsuitable value for left operand: %1.").arg(why), e.lhs->range,
            e.range);

    Diagnostics rhsDiags;
    const Value givenRhs = eval(e.rhs, ctx, state, rhsDiags);
    std::optional<Value> rhs = convertOperand(givenRhs, want, &why);
    if (!rhs)
        convDiags += exprError(QStringLiteral("Invalid operand"),
            QStringLiteral("Unsuitable value for right operand: %1.").arg(why), e.rhs->range,
            e.range);

    if (convDiags.hasErrors()) {
        diags += convDiags;
        diags += lhsDiags;
        diags += rhsDiags;
        return Value::unknown(retType);
    }

    const QSet<QString> marks = lhs->marks() | rhs->marks();
    Value l = lhs->unmarked();
    Value r = rhs->unmarked();

    if (family == OpFamily::Logical) {
        bool keepLhs = true;
        if (std::optional<Value> forced = shortCircuit(e.op, l, r, lhsDiags.hasErrors(), keepLhs)) {
            // As hcl: only the diagnostics of the side that decided the result.
            diags += keepLhs ? lhsDiags : rhsDiags;
            return addMarks(*forced, marks);
        }
    }

    diags += lhsDiags;
    diags += rhsDiags;
    if (lhsDiags.hasErrors() || rhsDiags.hasErrors())
        return addMarks(Value::unknown(retType), marks);

    // cty function.Call: nulls are rejected (except by Equal/NotEqual), then an
    // unknown operand (where not allowed) makes the result unknown. Deep marks
    // come off and go onto the result.
    if (family != OpFamily::Equality) {
        if (l.isNull() || r.isNull()) {
            diags += operationFailed(QStringLiteral("argument must not be null"), e.range);
            return Value::unknown(retType);
        }
    }
    QSet<QString> deepMarks;
    l = l.unmarkedDeep(&deepMarks);
    r = r.unmarkedDeep(&deepMarks);
    const QSet<QString> allMarks = marks | deepMarks;

    switch (family) {
    case OpFamily::Equality: {
        const Value eq = l.equals(r);
        if (e.op == BinaryOperator::Equal || !eq.isKnown())
            return addMarks(eq, allMarks);
        return addMarks(Value::boolean(!eq.asBool()), allMarks);
    }
    case OpFamily::Logical:
        if (!l.isKnown() || !r.isKnown())
            return addMarks(Value::unknown(Type::boolean()), allMarks);
        if (e.op == BinaryOperator::And)
            return addMarks(Value::boolean(l.asBool() && r.asBool()), allMarks);
        return addMarks(Value::boolean(l.asBool() || r.asBool()), allMarks);
    case OpFamily::Compare:
        if (!l.isKnown() || !r.isKnown())
            return addMarks(Value::unknown(Type::boolean()), allMarks);
        return addMarks(compare(e.op, l.asNumber(), r.asNumber()), allMarks);
    case OpFamily::Arithmetic: {
        if (!l.isKnown() || !r.isKnown())
            return addMarks(Value::unknown(Type::number()), allMarks);
        QString err;
        const Value result = arithmetic(e.op, l.asNumber(), r.asNumber(), err);
        if (!err.isEmpty()) {
            diags += operationFailed(err, e.range);
            return Value::unknown(retType);
        }
        return addMarks(result, allMarks);
    }
    }
    return Value::unknown(retType);
}

Value evalUnaryOp(
    const UnaryOpExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags)
{
    const bool isNot = e.op == UnaryOperator::Not;
    const Type want = isNot ? Type::boolean() : Type::number();
    const qsizetype before = diags.size();
    const Value given = eval(e.operand, ctx, state, diags);
    QString why;
    const std::optional<Value> val = convertOperand(given, want, &why);
    if (!val)
        diags += exprError(QStringLiteral("Invalid operand"),
            QStringLiteral("Unsuitable value for unary operand: %1.").arg(why), e.operand->range,
            e.range);
    for (qsizetype i = before; i < diags.size(); ++i)
        if (diags[i].severity == Severity::Error)
            return Value::unknown(want);

    // Not and Negate accept marked operands and keep their marks.
    if (val->isNull()) {
        diags += operationFailed(QStringLiteral("argument must not be null"), e.range);
        return Value::unknown(want);
    }
    const QSet<QString> marks = val->marks();
    const Value v = val->unmarked();
    if (!v.isKnown())
        return addMarks(Value::unknown(want), marks);
    if (isNot)
        return addMarks(Value::boolean(!v.asBool()), marks);
    return addMarks(Value::number(-v.asNumber()), marks);
}

} // namespace kiln::hcl::detail
