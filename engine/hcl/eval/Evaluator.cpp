#include "engine/hcl/eval/Evaluator.h"

#include "engine/hcl/eval/EvalInternal.h"
#include "engine/hcl/eval/TraversalOps.h"

namespace kiln::hcl {

namespace detail {

Diagnostic exprError(const QString &summary, const QString &detail, const SourceRange &subject,
    std::optional<SourceRange> context)
{
    Diagnostic d = Diagnostic::error(summary, detail, subject);
    d.context = std::move(context);
    return d;
}

Value addMarks(const Value &v, const QSet<QString> &marks)
{
    return marks.isEmpty() ? v : v.withMarks(v.marks() | marks);
}

bool isKnownTrue(const Value &v)
{
    return v.isKnown() && !v.isNull() && v.type().kind() == Type::Kind::Bool
        && v.unmarked().asBool();
}

bool isKnownFalse(const Value &v)
{
    return v.isKnown() && !v.isNull() && v.type().kind() == Type::Kind::Bool
        && !v.unmarked().asBool();
}

namespace {

Value evalRelativeTraversal(
    const RelativeTraversalExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags)
{
    const Value src = eval(e.source, ctx, state, diags);
    return traverseRelative(src, e.traversal, diags);
}

Value evalIndex(const IndexExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags)
{
    const Value coll = eval(e.collection, ctx, state, diags);
    const Value key = eval(e.key, ctx, state, diags);
    return indexValue(coll, key, e.bracketRange, diags);
}

Value evalAnonSymbol(const AnonSymbolExpr &e, const EvalState &state)
{
    // Outside of the splat that binds it, the placeholder stands for "any value".
    auto it = state.anonValues.constFind(&e);
    return it == state.anonValues.constEnd() ? Value::dynamicUnknown() : it.value();
}

} // namespace

Value eval(const ExprPtr &expr, const EvalContext *ctx, EvalState &state, Diagnostics &diags)
{
    if (!expr)
        return Value::dynamicUnknown();
    switch (expr->kind) {
    case ExprKind::Literal:
        return static_cast<const LiteralExpr &>(*expr).value;
    case ExprKind::Template:
        return evalTemplate(static_cast<const TemplateExpr &>(*expr), ctx, state, diags);
    case ExprKind::TemplateWrap:
        // The single interpolation's result, unconverted.
        return eval(static_cast<const TemplateWrapExpr &>(*expr).wrapped, ctx, state, diags);
    case ExprKind::TemplateJoin:
        return evalTemplateJoin(static_cast<const TemplateJoinExpr &>(*expr), ctx, state, diags);
    case ExprKind::ScopeTraversal:
        return traverseAbsolute(
            static_cast<const ScopeTraversalExpr &>(*expr).traversal, ctx, diags);
    case ExprKind::RelativeTraversal:
        return evalRelativeTraversal(
            static_cast<const RelativeTraversalExpr &>(*expr), ctx, state, diags);
    case ExprKind::FunctionCall:
        return evalFunctionCall(static_cast<const FunctionCallExpr &>(*expr), ctx, state, diags);
    case ExprKind::Conditional:
        return evalConditional(static_cast<const ConditionalExpr &>(*expr), ctx, state, diags);
    case ExprKind::BinaryOp:
        return evalBinaryOp(static_cast<const BinaryOpExpr &>(*expr), ctx, state, diags);
    case ExprKind::UnaryOp:
        return evalUnaryOp(static_cast<const UnaryOpExpr &>(*expr), ctx, state, diags);
    case ExprKind::TupleCons:
        return evalTupleCons(static_cast<const TupleConsExpr &>(*expr), ctx, state, diags);
    case ExprKind::ObjectCons:
        return evalObjectCons(static_cast<const ObjectConsExpr &>(*expr), ctx, state, diags);
    case ExprKind::ObjectConsKey:
        return evalObjectConsKey(static_cast<const ObjectConsKeyExpr &>(*expr), ctx, state, diags);
    case ExprKind::For:
        return evalFor(static_cast<const ForExpr &>(*expr), ctx, state, diags);
    case ExprKind::Index:
        return evalIndex(static_cast<const IndexExpr &>(*expr), ctx, state, diags);
    case ExprKind::Splat:
        return evalSplat(static_cast<const SplatExpr &>(*expr), ctx, state, diags);
    case ExprKind::AnonSymbol:
        return evalAnonSymbol(static_cast<const AnonSymbolExpr &>(*expr), state);
    case ExprKind::Parentheses:
        return eval(static_cast<const ParenthesesExpr &>(*expr).inner, ctx, state, diags);
    }
    return Value::dynamicUnknown();
}

} // namespace detail

Value evaluate(const ExprPtr &expr, const EvalContext *ctx, Diagnostics &diags)
{
    detail::EvalState state;
    return detail::eval(expr, ctx, state, diags);
}

} // namespace kiln::hcl
