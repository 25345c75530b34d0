#include "engine/template/TypeConstraintDecoder.h"

#include "engine/hcl/eval/TypeExpr.h"

namespace kiln::tmpl {

std::optional<TypeConstraint> decodeTypeConstraint(const hcl::ExprPtr &expr, hcl::Diagnostics &diags)
{
    hcl::Diagnostics typeDiags;
    hcl::TypeDefaultsPtr defaults;
    TypeConstraint tc;
    tc.type = hcl::typeConstraintFromExpr(expr, typeDiags, &defaults);
    diags += typeDiags;
    if (typeDiags.hasErrors())
        return std::nullopt;
    if (defaults)
        tc.defaults = [defaults](const hcl::Value &v) { return defaults->apply(v); };
    return tc;
}

} // namespace kiln::tmpl
