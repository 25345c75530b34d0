// `a[*].b` and `a.*.b`, as hclsyntax's SplatExpr: `each` is evaluated once per
// element with the AnonSymbol placeholder bound to that element. A value that is
// not a sequence is treated as a one-element tuple, and null as an empty one.

#include "engine/hcl/eval/EvalInternal.h"

namespace kiln::hcl::detail {

namespace {

// Binds the splat's placeholder for the duration of one `each` evaluation and
// restores any outer binding afterwards (nested splats share no placeholder,
// but a splat may be evaluated recursively through its own source).
class AnonBinding
{
public:
    AnonBinding(EvalState &state, const AnonSymbolExpr *sym, const Value &v)
        : m_state(state)
        , m_sym(sym)
    {
        auto it = state.anonValues.constFind(sym);
        if (it != state.anonValues.constEnd())
            m_previous = it.value();
        state.anonValues.insert(sym, v);
    }
    ~AnonBinding()
    {
        if (m_previous)
            m_state.anonValues.insert(m_sym, *m_previous);
        else
            m_state.anonValues.remove(m_sym);
    }
    AnonBinding(const AnonBinding &) = delete;
    AnonBinding &operator=(const AnonBinding &) = delete;

private:
    EvalState &m_state;
    const AnonSymbolExpr *m_sym;
    std::optional<Value> m_previous;
};

Value evalEach(const SplatExpr &e, const Value &item, const EvalContext *ctx, EvalState &state,
    Diagnostics &diags)
{
    AnonBinding bind(state, e.item.get(), item);
    return eval(e.each, ctx, state, diags);
}

// The result type the splat would have, found by evaluating `each` on unknown
// elements of the source's element types (hcl's resultTy closure).
Type resultType(const SplatExpr &e, const Type &sourceTy, const EvalContext *ctx, EvalState &state,
    Diagnostics &diags)
{
    if (sourceTy.kind() == Type::Kind::List || sourceTy.kind() == Type::Kind::Set) {
        const Value v = evalEach(e, Value::unknown(sourceTy.elementType()), ctx, state, diags);
        return Type::list(v.type());
    }
    if (sourceTy.kind() == Type::Kind::Tuple) {
        QList<Type> types;
        for (const Type &ety : sourceTy.tupleElements())
            types.append(evalEach(e, Value::unknown(ety), ctx, state, diags).type());
        return Type::tuple(types);
    }
    return Type::dynamic();
}

} // namespace

Value evalSplat(const SplatExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags)
{
    Diagnostics srcDiags;
    Value source = eval(e.source, ctx, state, srcDiags);
    diags += srcDiags;
    if (srcDiags.hasErrors()) {
        // The placeholder is unbound here, so this evaluates to Dynamic and only
        // reports problems in `each` that do not depend on the element.
        eval(e.each, ctx, state, diags);
        return Value::dynamicUnknown();
    }

    Type sourceTy = source.type();
    const bool autoUpgrade = !sourceTy.isListLike();
    const QSet<QString> sourceMarks = source.marks();

    if (source.isNull()) {
        if (autoUpgrade)
            return addMarks(Value::emptyTuple(), sourceMarks);
        diags += exprError(QStringLiteral("Splat of null value"),
            QStringLiteral(
                "Splat expressions (with the * symbol) cannot be applied to null sequences."),
            e.source->range, SourceRange::between(e.source->range, e.markerRange));
        return Value::dynamicUnknown();
    }
    if (sourceTy.isDynamic())
        return addMarks(Value::dynamicUnknown(), sourceMarks);

    // An unknown non-sequence might turn out null (zero elements) or not (one
    // element), so the result's length, and so its type, is not known yet.
    bool upgradedUnknown = false;
    if (autoUpgrade) {
        if (!source.isKnown())
            upgradedUnknown = true;
        source = addMarks(Value::tuple({source.unmarked()}), sourceMarks);
        sourceTy = source.type();
    }

    if (!source.isKnown()) {
        const Type ty = resultType(e, sourceTy, ctx, state, diags);
        return addMarks(Value::unknown(ty), sourceMarks);
    }

    const Value coll = source.unmarked();
    QList<Value> vals;
    bool isKnown = true;
    for (const Value &item : coll.elements()) {
        Diagnostics itemDiags;
        vals.append(evalEach(e, item, ctx, state, itemDiags));
        if (itemDiags.hasErrors())
            isKnown = false;
        diags += itemDiags;
    }

    if (upgradedUnknown)
        return addMarks(Value::dynamicUnknown(), sourceMarks);

    if (!isKnown) {
        // The per-element errors were already reported; the type probe would
        // only repeat them.
        Diagnostics ignored;
        return addMarks(Value::unknown(resultType(e, sourceTy, ctx, state, ignored)), sourceMarks);
    }

    if (sourceTy.kind() == Type::Kind::List || sourceTy.kind() == Type::Kind::Set) {
        if (vals.isEmpty()) {
            const Type ty = resultType(e, sourceTy, ctx, state, diags);
            return addMarks(Value::listEmpty(ty.elementType()), sourceMarks);
        }
        for (const Value &v : vals) {
            if (v.type() != vals.first().type()) {
                Diagnostic d = exprError(QStringLiteral("Invalid nested splat expressions"),
                    QStringLiteral(
                        "The second level of splat expression produced elements of different "
                        "types, so it "
                        "isn't possible to construct a valid list to represent the top-level "
                        "result.\n\nConsider using a for expression instead, to produce a "
                        "tuple-typed "
                        "result which can therefore have non-homogenous element types."),
                    e.each->range, e.range);
                diags += d;
                return Value::dynamicUnknown();
            }
        }
        return addMarks(Value::list(vals), sourceMarks);
    }
    return addMarks(Value::tuple(vals), sourceMarks);
}

} // namespace kiln::hcl::detail
