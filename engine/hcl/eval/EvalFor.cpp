// `[for k, v in coll: expr if cond]` and `{for k, v in coll: key => val...}`,
// as hclsyntax's ForExpr. The key and value symbols live in a child context per
// element, so they shadow outer names only inside the for expression.

#include "engine/hcl/eval/DiagnosticText.h"
#include "engine/hcl/eval/EvalInternal.h"
#include "engine/hcl/value/Convert.h"

namespace kiln::hcl::detail {

namespace {

EvalContext childWith(const EvalContext *ctx, const ForExpr &e, const Value &key, const Value &val)
{
    EvalContext child = ctx ? ctx->child() : EvalContext();
    if (!e.keyVar.isEmpty())
        child.variables.insert(e.keyVar, key);
    child.variables.insert(e.valVar, val);
    return child;
}

// The per-element `if` clause. Returns 1 to include, 0 to skip, -1 when the
// result is not usable (unknown or in error), which makes the whole result unknown.
int evalCondition(const ForExpr &e, const EvalContext &child, EvalState &state, Diagnostics &diags,
    bool &known, QSet<QString> &marks, bool unknownBeforeConvert)
{
    Diagnostics condDiags;
    const Value raw = eval(e.condExpr, &child, state, condDiags);
    diags += condDiags;
    if (raw.isNull()) {
        if (known)
            diags += exprError(QStringLiteral("Invalid 'for' condition"),
                QStringLiteral("The value of the 'if' clause must not be null."), e.condExpr->range,
                e.range);
        return -1;
    }
    marks |= raw.marks();
    // The tuple form tests for unknown before converting, the object form after;
    // the difference shows only in which diagnostics an unknown string yields.
    if (unknownBeforeConvert && !raw.isKnown())
        return -1;
    QString why;
    const std::optional<Value> include = convert(raw.unmarked(), Type::boolean(), &why);
    if (!include) {
        if (known)
            diags += exprError(QStringLiteral("Invalid 'for' condition"),
                QStringLiteral("The 'if' clause value is invalid: %1.").arg(why), e.condExpr->range,
                e.range);
        return -1;
    }
    if (!include->isKnown())
        return -1;
    return include->asBool() ? 1 : 0;
}

} // namespace

Value evalFor(const ForExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags)
{
    QSet<QString> marks;
    Value coll = eval(e.collection, ctx, state, diags);

    if (coll.isNull()) {
        diags += exprError(QStringLiteral("Iteration over null value"),
            QStringLiteral("A null value cannot be used as the collection in a 'for' expression."),
            e.collection->range, e.range);
        return Value::dynamicUnknown();
    }
    if (coll.type().isDynamic())
        return Value::dynamicUnknown();
    marks |= coll.marks();
    coll = coll.unmarked();
    if (!canIterateElements(coll.type())) {
        diags += exprError(QStringLiteral("Iteration over non-iterable value"),
            QStringLiteral(
                "A value of type %1 cannot be used as the collection in a 'for' expression.")
                .arg(coll.type().friendlyName()),
            e.collection->range, e.range);
        return Value::dynamicUnknown();
    }

    // An early check of the condition with unknown symbols catches a wrongly
    // typed `if` once instead of once per element.
    QSet<QString> condMarks;
    if (e.condExpr) {
        const EvalContext probe
            = childWith(ctx, e, Value::dynamicUnknown(), Value::dynamicUnknown());
        Diagnostics condDiags;
        const Value result = eval(e.condExpr, &probe, state, condDiags);
        diags += condDiags;
        if (result.isNull()) {
            diags += exprError(QStringLiteral("Condition is null"),
                QStringLiteral("The value of the 'if' clause must not be null."), e.condExpr->range,
                e.range);
            return Value::dynamicUnknown();
        }
        condMarks = result.marks();
        QString why;
        if (!convert(result.unmarked(), Type::boolean(), &why)) {
            diags += exprError(QStringLiteral("Invalid 'for' condition"),
                QStringLiteral("The 'if' clause value is invalid: %1.").arg(why), e.condExpr->range,
                e.range);
            return Value::dynamicUnknown();
        }
        if (condDiags.hasErrors())
            return Value::dynamicUnknown();
    }

    if (!coll.isKnown())
        return addMarks(Value::dynamicUnknown(), marks | condMarks);

    bool known = true;
    if (e.keyExpr) {
        QMap<QString, Value> vals;
        QMap<QString, QList<Value>> groups;
        forEachElement(coll, [&](const Value &k, const Value &v) {
            const EvalContext child = childWith(ctx, e, k, v);
            if (e.condExpr) {
                const int inc = evalCondition(e, child, state, diags, known, marks, false);
                if (inc < 0) {
                    known = false;
                    return;
                }
                if (inc == 0)
                    return;
            }
            Diagnostics keyDiags;
            const Value keyRaw = eval(e.keyExpr, &child, state, keyDiags);
            diags += keyDiags;
            if (keyRaw.isNull()) {
                if (known)
                    diags += exprError(QStringLiteral("Invalid object key"),
                        QStringLiteral(
                            "Key expression in 'for' expression must not produce a null value."),
                        e.keyExpr->range, e.range);
                known = false;
                return;
            }
            marks |= keyRaw.marks();
            if (!keyRaw.isKnown()) {
                known = false;
                return;
            }
            QString why;
            const std::optional<Value> key = convert(keyRaw.unmarked(), Type::string(), &why);
            if (!key) {
                if (known)
                    diags += exprError(QStringLiteral("Invalid object key"),
                        QStringLiteral("The key expression produced an invalid result: %1.")
                            .arg(why),
                        e.keyExpr->range, e.range);
                known = false;
                return;
            }
            const QString name = key->asString();
            const Value val = eval(e.valExpr, &child, state, diags);
            if (e.group) {
                groups[name].append(val);
            } else if (vals.contains(name)) {
                diags += exprError(QStringLiteral("Duplicate object key"),
                    QStringLiteral(
                        "Two different items produced the key %1 in this 'for' expression. If "
                        "duplicates are expected, use the ellipsis (...) after the value "
                        "expression to enable grouping by key.")
                        .arg(goQuote(name)),
                    e.keyExpr->range, e.range);
            } else {
                vals.insert(name, val);
            }
        });
        if (!known)
            return addMarks(Value::dynamicUnknown(), marks);
        if (e.group) {
            for (auto it = groups.constBegin(); it != groups.constEnd(); ++it)
                vals.insert(it.key(), Value::tuple(it.value()));
        }
        return addMarks(Value::object(vals), marks);
    }

    QList<Value> vals;
    forEachElement(coll, [&](const Value &k, const Value &v) {
        const EvalContext child = childWith(ctx, e, k, v);
        if (e.condExpr) {
            const int inc = evalCondition(e, child, state, diags, known, marks, true);
            if (inc < 0) {
                known = false;
                return;
            }
            if (inc == 0)
                return;
        }
        vals.append(eval(e.valExpr, &child, state, diags));
    });
    if (!known)
        return addMarks(Value::dynamicUnknown(), marks);
    return addMarks(Value::tuple(vals), marks);
}

} // namespace kiln::hcl::detail
