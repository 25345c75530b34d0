#pragma once

#include "engine/hcl/Ast.h"
#include "engine/hcl/Diagnostic.h"
#include "engine/template/Variable.h"

#include <functional>
#include <optional>

namespace kiln::tmpl {

// A variable's `type = ...`: the type and the optional() attribute defaults.
struct TypeConstraint
{
    hcl::Type type;
    std::function<hcl::Value(const hcl::Value &)> defaults; // empty: no defaults declared

    hcl::Value applyDefaults(const hcl::Value &v) const { return defaults && !v.isNull() ? defaults(v) : v; }
};

// typeexpr.TypeConstraintWithDefaults, with HCL's diagnostics.
std::optional<TypeConstraint> decodeTypeConstraint(const hcl::ExprPtr &expr, hcl::Diagnostics &diags);

// Packer's Variable.applyTypeDefaults: no-op without defaults or for null.
inline hcl::Value applyTypeDefaults(const Variable &var, const hcl::Value &v)
{
    return var.typeDefaults && !v.isNull() ? var.typeDefaults(v) : v;
}

} // namespace kiln::tmpl
