#pragma once

#include "engine/hcl/Body.h"

#include <QSet>

namespace kiln::hcl {

// The body of the single placeholder block a dynamic block yields while its
// for_each is not yet known (dynblock's unknownBody): it has the content's
// shape, but every attribute evaluates to an unknown value, so validation can
// proceed without pretending to know the real blocks.
class UnknownBody : public Body
{
public:
    UnknownBody(BodyPtr templateBody, QSet<QString> valueMarks);

    BodyContent content(const BodySchema &schema, Diagnostics &diags) const override;
    BodyContent partialContent(
        const BodySchema &schema, BodyPtr *remain, Diagnostics &diags) const override;
    QList<ContentAttribute> justAttributes(Diagnostics &diags) const override;
    SourceRange missingItemRange() const override;

    bool isUnknown() const { return true; }
    const QSet<QString> &valueMarks() const { return m_valueMarks; }

private:
    BodyContent fixup(const BodyContent &got) const;
    QList<ContentAttribute> fixupAttributes(const QList<ContentAttribute> &got) const;

    BodyPtr m_template;
    QSet<QString> m_valueMarks;
};

} // namespace kiln::hcl
