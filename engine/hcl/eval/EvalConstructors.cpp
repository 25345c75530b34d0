// Tuple and object constructors, as hclsyntax's TupleConsExpr, ObjectConsExpr
// and ObjectConsKeyExpr.

#include "engine/hcl/eval/EvalInternal.h"
#include "engine/hcl/eval/ExprHelpers.h"
#include "engine/hcl/value/Convert.h"

namespace kiln::hcl::detail {

Value evalTupleCons(
    const TupleConsExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags)
{
    QList<Value> vals;
    vals.reserve(e.elements.size());
    for (const ExprPtr &el : e.elements)
        vals.append(eval(el, ctx, state, diags));
    return Value::tuple(vals);
}

Value evalObjectConsKey(
    const ObjectConsKeyExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags)
{
    if (!e.forceNonLiteral) {
        // A naked `a.b = 1` could mean a reference or a dotted name; hcl makes
        // the author say which instead of guessing.
        if (e.wrapped && e.wrapped->kind == ExprKind::ScopeTraversal
            && static_cast<const ScopeTraversalExpr &>(*e.wrapped).traversal.steps.size() > 1) {
            diags += Diagnostic::error(QStringLiteral("Ambiguous attribute key"),
                QStringLiteral("If this expression is intended to be a reference, wrap it in "
                               "parentheses. If it's "
                               "instead intended as a literal name containing periods, wrap it in "
                               "quotes to create a "
                               "string literal."),
                e.wrapped->range);
            return Value::dynamicUnknown();
        }
        const QString literal = exprAsKeyword(e.wrapped);
        if (!literal.isEmpty())
            return Value::string(literal);
    }
    return eval(e.wrapped, ctx, state, diags);
}

Value evalObjectCons(
    const ObjectConsExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags)
{
    QMap<QString, Value> vals;
    QSet<QString> marks;
    // Any key we cannot produce (unknown, or in error) leaves the set of
    // attributes, and so the object's type, unknown.
    bool known = true;

    for (const ObjectConsItem &item : e.items) {
        Diagnostics keyDiags;
        Value key = eval(item.key, ctx, state, keyDiags);
        diags += keyDiags;
        const Value val = eval(item.value, ctx, state, diags);
        if (keyDiags.hasErrors()) {
            known = false;
            continue;
        }
        if (key.isNull()) {
            // hcl underlines the value here, not the key.
            diags += Diagnostic::error(QStringLiteral("Null value as key"),
                QStringLiteral("Can't use a null value as a key."), item.value->range);
            known = false;
            continue;
        }
        marks |= key.marks();
        QString why;
        const std::optional<Value> str = convert(key.unmarked(), Type::string(), &why);
        if (!str) {
            diags += Diagnostic::error(QStringLiteral("Incorrect key type"),
                QStringLiteral("Can't use this value as a key: %1.").arg(why), item.key->range);
            known = false;
            continue;
        }
        if (!str->isKnown()) {
            known = false;
            continue;
        }
        vals.insert(str->asString(), val); // a later duplicate replaces an earlier one, as in hcl
    }

    if (!known)
        return Value::dynamicUnknown();
    return addMarks(Value::object(vals), marks);
}

} // namespace kiln::hcl::detail
