#pragma once

#include "engine/hcl/Body.h"
#include "engine/hcl/eval/EvalContext.h"

#include <memory>

namespace kiln::tmpl {

// dynblock.Expand over a whole file body: `dynamic "x" { for_each, content }`
// blocks anywhere in it become the blocks they generate, evaluated in `ctx`
// (Packer uses its data-source context for this). The returned body keeps
// `ctx` alive for as long as it, or any body decoded from it, exists.
hcl::BodyPtr expandDynamicBlocks(const hcl::BodyPtr &body, std::shared_ptr<const hcl::EvalContext> ctx);

} // namespace kiln::tmpl
