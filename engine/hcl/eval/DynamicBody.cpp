#include "engine/hcl/eval/DynamicBody.h"

#include "engine/hcl/Ast.h"
#include "engine/hcl/eval/BindVariables.h"
#include "engine/hcl/eval/DiagnosticText.h"
#include "engine/hcl/eval/EvalInternal.h"
#include "engine/hcl/eval/UnknownBody.h"

namespace kiln::hcl {

namespace {

const BlockHeaderSchema dynamicBlockSchema{QStringLiteral("dynamic"), {QStringLiteral("type")}};

// A context for expressions inside an iteration: a child of `base` holding the
// iterator objects, kept alive by the returned pointer.
DynamicBody::ScopedContextPtr iterationContext(const DynamicBody::ScopedContextPtr &owner,
    const EvalContext *base, const DynamicBody::IterationPtr &it)
{
    auto node = std::make_shared<DynamicBody::ScopedContext>();
    node->parent = owner;
    node->ctx = base ? base->child() : EvalContext();
    if (it)
        node->ctx.variables = it->variables();
    return node;
}

} // namespace

Value DynamicBody::Iteration::object() const
{
    return Value::object({{QStringLiteral("key"), key}, {QStringLiteral("value"), value}});
}

QMap<QString, Value> DynamicBody::Iteration::variables() const
{
    QMap<QString, Value> vars;
    for (auto it = inherited.constBegin(); it != inherited.constEnd(); ++it)
        vars.insert(it.key(), it.value()->object());
    vars.insert(iteratorName, object());
    return vars;
}

BodyPtr DynamicBody::expand(const BodyPtr &body, const EvalContext *ctx)
{
    auto b = std::shared_ptr<DynamicBody>(new DynamicBody());
    b->m_original = body;
    b->m_baseCtx = ctx;
    return b;
}

BodySchema DynamicBody::extendSchema(const BodySchema &schema) const
{
    BodySchema ext = schema;
    ext.blocks.append(dynamicBlockSchema);
    for (const BlockHeaderSchema &b : m_hiddenBlocks)
        ext.blocks.append(b);
    // Attributes a previous partialContent took stay accepted (and are then
    // dropped) so they are not reported as unexpected.
    for (const QString &name : m_hiddenAttrs)
        ext.attributes.append({name, false});
    return ext;
}

QList<ContentAttribute> DynamicBody::prepareAttributes(const QList<ContentAttribute> &raw) const
{
    if (m_hiddenAttrs.isEmpty() && !m_iteration && m_valueMarks.isEmpty())
        return raw;
    const QMap<QString, Value> bound
        = m_iteration ? m_iteration->variables() : QMap<QString, Value>();
    QList<ContentAttribute> out;
    for (ContentAttribute attr : raw) {
        if (m_hiddenAttrs.contains(attr.name))
            continue;
        attr.expr = bindVariables(attr.expr, bound);
        if (!m_valueMarks.isEmpty() && attr.expr) {
            // dynblock marks every result with the for_each value's marks. As a
            // node: `<true, marked> ? expr : null`, which yields expr's value
            // unconverted (a null-literal branch never forces a conversion), its
            // diagnostics, and the condition's marks.
            auto cond = std::make_shared<LiteralExpr>();
            cond->value = Value::trueValue().withMarks(m_valueMarks);
            cond->range = attr.expr->range;
            cond->startRange = attr.expr->startRange;
            auto null = std::make_shared<LiteralExpr>();
            null->range = attr.expr->range;
            null->startRange = attr.expr->range;
            auto wrap = std::make_shared<ConditionalExpr>();
            wrap->condition = cond;
            wrap->trueResult = attr.expr;
            wrap->falseResult = null;
            wrap->range = attr.expr->range;
            wrap->startRange = attr.expr->startRange;
            attr.expr = wrap;
        }
        out.append(attr);
    }
    return out;
}

BodyContent DynamicBody::content(const BodySchema &schema, Diagnostics &diags) const
{
    BodyContent raw = m_original->content(extendSchema(schema), diags);
    BodyContent out;
    out.blocks = expandBlocks(schema, raw.blocks, false, diags);
    out.attributes = prepareAttributes(raw.attributes);
    out.missingItemRange = m_original->missingItemRange();
    return out;
}

BodyContent DynamicBody::partialContent(
    const BodySchema &schema, BodyPtr *remain, Diagnostics &diags) const
{
    BodyPtr ignoredRemain;
    BodyContent raw = m_original->partialContent(extendSchema(schema), &ignoredRemain, diags);
    BodyContent out;
    out.blocks = expandBlocks(schema, raw.blocks, true, diags);
    out.attributes = prepareAttributes(raw.attributes);
    out.missingItemRange = m_original->missingItemRange();

    if (remain) {
        // The rest is the same original body with what this schema took hidden,
        // so that dynamic blocks of the remaining types still expand later.
        auto r = std::shared_ptr<DynamicBody>(new DynamicBody());
        r->m_original = m_original;
        r->m_baseCtx = m_baseCtx;
        r->m_ctxOwner = m_ctxOwner;
        r->m_iteration = m_iteration;
        r->m_hiddenAttrs = m_hiddenAttrs;
        r->m_hiddenBlocks = m_hiddenBlocks;
        for (const AttributeSchema &a : schema.attributes)
            r->m_hiddenAttrs.insert(a.name);
        for (const BlockHeaderSchema &b : schema.blocks)
            r->m_hiddenBlocks.insert(b.type, b);
        *remain = r;
    }
    return out;
}

QList<ContentAttribute> DynamicBody::justAttributes(Diagnostics &diags) const
{
    return m_original->justAttributes(diags);
}

SourceRange DynamicBody::missingItemRange() const
{
    return m_original->missingItemRange();
}

BodyPtr DynamicBody::expandChild(
    const BodyPtr &child, const IterationPtr &it, const QSet<QString> &marks) const
{
    auto b = std::shared_ptr<DynamicBody>(new DynamicBody());
    b->m_original = child;
    if (!it && forEachCtx()) {
        // Outside any iteration a child context would add no names: the child
        // evaluates in this body's context (every block of a plain template
        // passes through here, thousands in a large one).
        b->m_baseCtx = forEachCtx();
        b->m_ctxOwner = m_ctxOwner;
        b->m_valueMarks = marks;
        return b;
    }
    b->m_ctxOwner = iterationContext(m_ctxOwner, forEachCtx(), it);
    b->m_iteration = it;
    b->m_valueMarks = marks;
    return b;
}

} // namespace kiln::hcl
