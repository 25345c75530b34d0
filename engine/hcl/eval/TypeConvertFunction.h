#pragma once

#include "engine/hcl/eval/Function.h"

namespace kiln::hcl {

// typeexpr.ConvertFunc, which Packer registers as `convert(value, type)`: the
// second argument is read as a type constraint expression (`list(string)`, not a
// value), and the first converted to it. Implemented as an expression function
// (Function::exprImpl) because the type argument must not be evaluated.
Function typeConvertFunction();

} // namespace kiln::hcl
