#pragma once

#include "engine/hcl/Ast.h"
#include "engine/hcl/eval/EvalContext.h"

namespace kiln::hcl {

// Evaluates an expression as hclsyntax's Expression.Value does, with HCL's exact
// diagnostics (e.g. "Unknown variable", "Unsupported attribute", "Invalid index",
// "Unsupported operator", "Inconsistent conditional result types", "Call to unknown
// function", "Invalid template interpolation value"). `ctx` may be null: then any
// variable reference or function call is an error, as with a nil hcl.EvalContext.
// Never throws; on error returns an unknown value of the best type known.
Value evaluate(const ExprPtr &expr, const EvalContext *ctx, Diagnostics &diags);

} // namespace kiln::hcl
