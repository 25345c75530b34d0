#include "engine/template/MergedBody.h"

#include "engine/template/LoaderInternal.h"

namespace kiln::tmpl {

using hcl::Diagnostic;
using hcl::Diagnostics;

hcl::BodyPtr MergedBody::merge(const QList<hcl::BodyPtr> &bodies)
{
    return std::make_shared<MergedBody>(bodies);
}

namespace {

Diagnostic duplicateArgument(const QString &name, const hcl::SourceRange &existing, const hcl::SourceRange &at)
{
    return Diagnostic::error(QStringLiteral("Duplicate argument"),
                             QStringLiteral("Argument \"%1\" was already set at %2").arg(name, detail::rangeString(existing)),
                             at);
}

} // namespace

hcl::BodyContent MergedBody::merged(const hcl::BodySchema &schema, bool partial, hcl::BodyPtr *remain,
                                    Diagnostics &diags) const
{
    // Any one body may provide a required attribute: check them at the end.
    hcl::BodySchema relaxed = schema;
    for (hcl::AttributeSchema &a : relaxed.attributes)
        a.required = false;
    hcl::BodyContent out;
    QList<hcl::BodyPtr> leftovers;
    for (const hcl::BodyPtr &body : m_bodies) {
        hcl::BodyContent c;
        if (partial) {
            hcl::BodyPtr left;
            c = body->partialContent(relaxed, &left, diags);
            if (left)
                leftovers.append(left);
        } else {
            c = body->content(relaxed, diags);
        }
        for (const hcl::ContentAttribute &a : c.attributes) {
            if (const hcl::ContentAttribute *existing = out.attribute(a.name)) {
                diags += duplicateArgument(a.name, existing->nameRange, a.nameRange);
                continue;
            }
            out.attributes.append(a);
        }
        out.blocks += c.blocks;
    }
    for (const hcl::AttributeSchema &a : schema.attributes) {
        if (a.required && !out.attribute(a.name))
            diags += Diagnostic::error(QStringLiteral("Missing required argument"),
                                       QStringLiteral("The argument \"%1\" is required, but was not set.").arg(a.name));
    }
    out.missingItemRange = missingItemRange();
    if (remain)
        *remain = merge(leftovers);
    return out;
}

hcl::BodyContent MergedBody::content(const hcl::BodySchema &schema, Diagnostics &diags) const
{
    return merged(schema, false, nullptr, diags);
}

hcl::BodyContent MergedBody::partialContent(const hcl::BodySchema &schema, hcl::BodyPtr *remain,
                                            Diagnostics &diags) const
{
    return merged(schema, true, remain, diags);
}

QList<hcl::ContentAttribute> MergedBody::justAttributes(Diagnostics &diags) const
{
    QList<hcl::ContentAttribute> out;
    for (const hcl::BodyPtr &body : m_bodies) {
        for (const hcl::ContentAttribute &a : body->justAttributes(diags)) {
            auto existing = std::find_if(out.cbegin(), out.cend(), [&](const auto &e) { return e.name == a.name; });
            if (existing != out.cend()) {
                diags += duplicateArgument(a.name, existing->nameRange, a.nameRange);
                continue;
            }
            out.append(a);
        }
    }
    return out;
}

hcl::SourceRange MergedBody::missingItemRange() const
{
    return m_bodies.isEmpty() ? hcl::SourceRange() : m_bodies.first()->missingItemRange();
}

} // namespace kiln::tmpl
