#pragma once

// `dynamic "x" { for_each = ..., iterator = it, labels = [...], content { ... } }`
// blocks, as hashicorp/hcl's ext/dynblock: a Body wrapper that expands them, on
// demand, into one "x" block per element of for_each whenever its content is
// decoded. Nested dynamic blocks and dynamic blocks inside generated blocks work;
// the iterator (named after the block type unless `iterator` says otherwise) is an
// object with `key` and `value`, visible to for_each, labels and the content.

#include "engine/hcl/Body.h"
#include "engine/hcl/eval/EvalContext.h"

#include <QMap>
#include <QSet>
#include <memory>

namespace kiln::hcl {

class DynamicBody : public Body
{
public:
    // dynblock.Expand. `ctx` is where for_each and labels are evaluated; it must
    // outlive the returned body and every body decoded from it.
    static BodyPtr expand(const BodyPtr &body, const EvalContext *ctx);

    BodyContent content(const BodySchema &schema, Diagnostics &diags) const override;
    BodyContent partialContent(
        const BodySchema &schema, BodyPtr *remain, Diagnostics &diags) const override;
    // As dynblock: the underlying body's attributes, unexpanded.
    QList<ContentAttribute> justAttributes(Diagnostics &diags) const override;
    SourceRange missingItemRange() const override;

    // Marks of the for_each value that generated this body (hcldec's MarkedBody).
    const QSet<QString> &valueMarks() const { return m_valueMarks; }

    // One level of iteration and the levels it is nested in (dynblock's iteration).
    struct Iteration
    {
        QString iteratorName;
        Value key;
        Value value;
        QMap<QString, std::shared_ptr<const Iteration>> inherited;

        Value object() const;
        // Iterator name -> iterator object, for this level and all outer ones.
        QMap<QString, Value> variables() const;
    };
    using IterationPtr = std::shared_ptr<const Iteration>;

    // An EvalContext that stays valid as long as the bodies that use it: a child
    // of an outer one (owned or not) holding iterator variables.
    struct ScopedContext
    {
        std::shared_ptr<const ScopedContext> parent;
        EvalContext ctx;
    };
    using ScopedContextPtr = std::shared_ptr<const ScopedContext>;

private:
    struct Spec;
    DynamicBody() = default;

    BodySchema extendSchema(const BodySchema &schema) const;
    QList<ContentAttribute> prepareAttributes(const QList<ContentAttribute> &raw) const;
    QList<ContentBlock> expandBlocks(const BodySchema &schema, const QList<ContentBlock> &raw,
        bool partial, Diagnostics &diags) const;
    bool decodeSpec(const BlockHeaderSchema &blockS, const ContentBlock &raw, Spec &spec,
        Diagnostics &diags) const;
    BodyPtr expandChild(
        const BodyPtr &child, const IterationPtr &it, const QSet<QString> &marks) const;
    const EvalContext *forEachCtx() const { return m_ctxOwner ? &m_ctxOwner->ctx : m_baseCtx; }

    BodyPtr m_original;
    const EvalContext *m_baseCtx = nullptr;
    ScopedContextPtr m_ctxOwner;
    IterationPtr m_iteration;
    QSet<QString> m_valueMarks;
    QSet<QString> m_hiddenAttrs;
    QMap<QString, BlockHeaderSchema> m_hiddenBlocks;
};

} // namespace kiln::hcl
