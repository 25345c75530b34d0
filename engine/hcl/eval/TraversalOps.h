#pragma once

// Value access as hashicorp/hcl's ops.go and traversal.go: indexing, attribute
// access and static traversals, with HCL's exact diagnostics. The evaluator uses
// these for `a.b`, `a[k]` and `var.x.y`; Packer's loader uses them to resolve
// references such as `source.docker.ubuntu` against its own values.

#include "engine/hcl/Diagnostic.h"
#include "engine/hcl/Traversal.h"
#include "engine/hcl/eval/EvalContext.h"
#include "engine/hcl/value/Value.h"

namespace kiln::hcl {

// hcl.Index: collection[key] for lists, tuples, maps, objects (string key), with
// "Invalid index" / "Attempt to index null value" errors. Unknown and marked
// inputs give unknown / marked results. On error returns an unknown Dynamic value.
Value indexValue(
    const Value &collection, const Value &key, const SourceRange &range, Diagnostics &diags);

// hcl.GetAttr: obj.name for objects and maps, with "Unsupported attribute",
// "Missing map element" and "Attempt to get attribute from null value" errors.
Value getAttribute(
    const Value &obj, const QString &name, const SourceRange &range, Diagnostics &diags);

// hcl.Traversal.TraverseRel: applies the Attr/Index steps of `traversal` from
// step `firstStep` on, stopping at the first error.
Value traverseRelative(
    const Value &val, const Traversal &traversal, Diagnostics &diags, qsizetype firstStep = 0);

// hcl.Traversal.TraverseAbs: looks the root up in ctx (and its parents), then
// traverses the rest. "Variables not allowed" when ctx has no variables at all,
// "Unknown variable" (with a did-you-mean suggestion) when the root is not defined.
Value traverseAbsolute(const Traversal &traversal, const EvalContext *ctx, Diagnostics &diags);

} // namespace kiln::hcl
