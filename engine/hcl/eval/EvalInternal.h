#pragma once

// Shared between the evaluator's translation units (one per expression family).
// Not part of the public API: include Evaluator.h instead.

#include "engine/hcl/Ast.h"
#include "engine/hcl/eval/EvalContext.h"

#include <QHash>

namespace kiln::hcl::detail {

// Per-evaluation state that hcl keeps inside the AST (AnonSymbolExpr.values):
// the element a splat is currently visiting, keyed by its placeholder node.
// Keeping it here instead leaves the shared AST immutable and thread-safe.
struct EvalState
{
    QHash<const AnonSymbolExpr *, Value> anonValues;
};

Value eval(const ExprPtr &expr, const EvalContext *ctx, EvalState &state, Diagnostics &diags);

Value evalTemplate(
    const TemplateExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags);
Value evalTemplateJoin(
    const TemplateJoinExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags);
Value evalBinaryOp(
    const BinaryOpExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags);
Value evalUnaryOp(
    const UnaryOpExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags);
Value evalConditional(
    const ConditionalExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags);
Value evalTupleCons(
    const TupleConsExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags);
Value evalObjectCons(
    const ObjectConsExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags);
Value evalObjectConsKey(
    const ObjectConsKeyExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags);
Value evalFor(const ForExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags);
Value evalSplat(const SplatExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags);
Value evalFunctionCall(
    const FunctionCallExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags);

// A diagnostic with both ranges, the common shape of expression errors.
Diagnostic exprError(const QString &summary, const QString &detail, const SourceRange &subject,
    std::optional<SourceRange> context = std::nullopt);

// v with `marks` added to its own (cty's WithMarks is additive).
Value addMarks(const Value &v, const QSet<QString> &marks);

// True/false tests that, like cty's True()/False() on a null bool, answer false
// for null and unknown values instead of failing.
bool isKnownTrue(const Value &v);
bool isKnownFalse(const Value &v);

// Calls fn(key, element) for every element of a list, tuple, set (key is the
// element itself), map or object (key is the attribute name), as cty's
// ElementIterator. `v` must be known, not null and unmarked.
template <typename Fn> void forEachElement(const Value &v, Fn fn)
{
    const Type &t = v.type();
    if (t.kind() == Type::Kind::Map || t.kind() == Type::Kind::Object) {
        const auto &attrs = v.attributes();
        for (auto it = attrs.constBegin(); it != attrs.constEnd(); ++it)
            fn(Value::string(it.key()), it.value());
        return;
    }
    const auto &elems = v.elements();
    for (qsizetype i = 0; i < elems.size(); ++i) {
        if (t.kind() == Type::Kind::Set)
            fn(elems[i], elems[i]);
        else
            fn(Value::number(qint64(i)), elems[i]);
    }
}

// cty's CanIterateElements: lists, sets, maps, tuples and objects.
inline bool canIterateElements(const Type &t)
{
    return t.isCollection() || t.isStructural();
}

} // namespace kiln::hcl::detail
