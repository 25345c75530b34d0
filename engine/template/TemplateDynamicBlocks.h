#pragma once

#include "engine/hcl/Body.h"
#include "engine/hcl/eval/EvalContext.h"

namespace kiln::tmpl {

// dynblock.Expand over a whole file body: `dynamic "x" { for_each, content }`
// blocks anywhere in it become the blocks they generate, evaluated in `ctx`
// (Packer uses its data-source context for this).
hcl::BodyPtr expandDynamicBlocks(const hcl::BodyPtr &body, const hcl::EvalContext &ctx);

} // namespace kiln::tmpl
