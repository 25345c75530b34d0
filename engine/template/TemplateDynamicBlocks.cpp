#include "engine/template/TemplateDynamicBlocks.h"

#include "engine/hcl/eval/DynamicBody.h"

namespace kiln::tmpl {

namespace {

// Forwards to the expanded body and holds the context its expansion refers to.
class ContextHoldingBody : public hcl::Body
{
public:
    ContextHoldingBody(hcl::BodyPtr inner, std::shared_ptr<const hcl::EvalContext> ctx)
        : m_inner(std::move(inner))
        , m_ctx(std::move(ctx))
    {
    }
    hcl::BodyContent content(const hcl::BodySchema &schema, hcl::Diagnostics &diags) const override
    {
        return hold(m_inner->content(schema, diags));
    }
    hcl::BodyContent partialContent(const hcl::BodySchema &schema, hcl::BodyPtr *remain,
                                    hcl::Diagnostics &diags) const override
    {
        hcl::BodyContent c = hold(m_inner->partialContent(schema, remain, diags));
        if (remain && *remain)
            *remain = std::make_shared<ContextHoldingBody>(*remain, m_ctx);
        return c;
    }
    QList<hcl::ContentAttribute> justAttributes(hcl::Diagnostics &diags) const override
    {
        return m_inner->justAttributes(diags);
    }
    hcl::SourceRange missingItemRange() const override { return m_inner->missingItemRange(); }

private:
    // Nested block bodies are expanded lazily too, so they hold the context as well.
    hcl::BodyContent hold(hcl::BodyContent c) const
    {
        for (hcl::ContentBlock &b : c.blocks)
            if (b.body)
                b.body = std::make_shared<ContextHoldingBody>(b.body, m_ctx);
        return c;
    }
    hcl::BodyPtr m_inner;
    std::shared_ptr<const hcl::EvalContext> m_ctx;
};

} // namespace

hcl::BodyPtr expandDynamicBlocks(const hcl::BodyPtr &body, std::shared_ptr<const hcl::EvalContext> ctx)
{
    hcl::BodyPtr expanded = hcl::DynamicBody::expand(body, ctx.get());
    return std::make_shared<ContextHoldingBody>(expanded, std::move(ctx));
}

} // namespace kiln::tmpl
