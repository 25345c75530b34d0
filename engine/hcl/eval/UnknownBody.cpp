#include "engine/hcl/eval/UnknownBody.h"

#include "engine/hcl/Ast.h"

namespace kiln::hcl {

UnknownBody::UnknownBody(BodyPtr templateBody, QSet<QString> valueMarks)
    : m_template(std::move(templateBody))
    , m_valueMarks(std::move(valueMarks))
{ }

QList<ContentAttribute> UnknownBody::fixupAttributes(const QList<ContentAttribute> &got) const
{
    QList<ContentAttribute> out;
    for (ContentAttribute attr : got) {
        auto lit = std::make_shared<LiteralExpr>();
        const Value unknown = Value::dynamicUnknown();
        lit->value = m_valueMarks.isEmpty() ? unknown : unknown.withMarks(m_valueMarks);
        if (attr.expr) {
            lit->range = attr.expr->range;
            lit->startRange = attr.expr->range;
        }
        attr.expr = lit;
        out.append(attr);
    }
    return out;
}

BodyContent UnknownBody::fixup(const BodyContent &got) const
{
    BodyContent out;
    out.attributes = fixupAttributes(got.attributes);
    out.missingItemRange = got.missingItemRange;
    for (ContentBlock b : got.blocks) {
        // Nested content is just as unknown.
        b.body = std::make_shared<UnknownBody>(b.body, m_valueMarks);
        out.blocks.append(b);
    }
    return out;
}

BodyContent UnknownBody::content(const BodySchema &schema, Diagnostics &diags) const
{
    return fixup(m_template->content(schema, diags));
}

BodyContent UnknownBody::partialContent(
    const BodySchema &schema, BodyPtr *remain, Diagnostics &diags) const
{
    BodyPtr innerRemain;
    BodyContent got = m_template->partialContent(schema, &innerRemain, diags);
    if (remain)
        *remain = std::make_shared<UnknownBody>(innerRemain, m_valueMarks);
    return fixup(got);
}

QList<ContentAttribute> UnknownBody::justAttributes(Diagnostics &diags) const
{
    return fixupAttributes(m_template->justAttributes(diags));
}

SourceRange UnknownBody::missingItemRange() const
{
    return m_template->missingItemRange();
}

} // namespace kiln::hcl
