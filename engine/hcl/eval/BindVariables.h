#pragma once

#include "engine/hcl/Ast.h"

#include <QMap>

namespace kiln::hcl {

// Returns `expr` with every reference to one of the root names in `values`
// replaced by that value (`each.value.x` becomes the literal value traversed by
// `.x`), respecting for-expression symbols that shadow those names. Subtrees
// without such references are shared, not copied; ranges are kept, so
// diagnostics still point into the source.
//
// This is how a dynamic block's content attributes see their iterator when the
// caller evaluates them in its own context (hcl's dynblock wraps them instead).
ExprPtr bindVariables(const ExprPtr &expr, const QMap<QString, Value> &values);

} // namespace kiln::hcl
