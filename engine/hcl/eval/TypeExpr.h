#pragma once

// Type expressions, as hashicorp/hcl's ext/typeexpr: `string`, `list(number)`,
// `map(any)`, `object({name = string, port = optional(number, 22)})`,
// `tuple([string, bool])`. Used for a variable's `type`.

#include "engine/hcl/Ast.h"
#include "engine/hcl/eval/TypeDefaults.h"

namespace kiln::hcl {

// typeexpr.Type: an exact type; `any` and optional(...) are errors.
Type typeFromExpr(const ExprPtr &expr, Diagnostics &diags);

// typeexpr.TypeConstraint / TypeConstraintWithDefaults: `any` is allowed and
// object attributes may be optional(T). With `defaults` null, optional takes only
// the type (as TypeConstraint); otherwise optional(T, default) is accepted and
// *defaults receives the defaults tree (null when the type declares none).
// Errors are "Invalid type specification" with typeexpr's details; the result
// is then Dynamic where the type could not be read.
Type typeConstraintFromExpr(
    const ExprPtr &expr, Diagnostics &diags, TypeDefaultsPtr *defaults = nullptr);

// typeexpr.TypeString: the type as HCL type-expression syntax, e.g.
// "list(string)", "object({a=number,b=string})", "tuple([bool])", "any".
QString typeString(const Type &type);

} // namespace kiln::hcl
