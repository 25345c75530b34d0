#pragma once

#include "engine/hcl/Body.h"

#include <QList>

namespace kiln::tmpl {

// hcl.MergeBodies: several bodies read as one. A build's
// `source "source.t.n" { ... }` block adds to the top-level source's body this
// way; an argument set in both is a "Duplicate argument" error.
class MergedBody : public hcl::Body
{
public:
    explicit MergedBody(QList<hcl::BodyPtr> bodies)
        : m_bodies(std::move(bodies))
    {
    }
    static hcl::BodyPtr merge(const QList<hcl::BodyPtr> &bodies);

    hcl::BodyContent content(const hcl::BodySchema &schema, hcl::Diagnostics &diags) const override;
    hcl::BodyContent partialContent(const hcl::BodySchema &schema, hcl::BodyPtr *remain,
                                    hcl::Diagnostics &diags) const override;
    QList<hcl::ContentAttribute> justAttributes(hcl::Diagnostics &diags) const override;
    hcl::SourceRange missingItemRange() const override;

    const QList<hcl::BodyPtr> &bodies() const { return m_bodies; }

private:
    hcl::BodyContent merged(const hcl::BodySchema &schema, bool partial, hcl::BodyPtr *remain,
                            hcl::Diagnostics &diags) const;
    QList<hcl::BodyPtr> m_bodies;
};

} // namespace kiln::tmpl
