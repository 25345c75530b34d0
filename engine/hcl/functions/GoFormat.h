#pragma once

#include "engine/hcl/eval/Function.h"
#include "engine/hcl/value/Value.h"

#include <QString>

#include <optional>

namespace kiln::hcl::functions {

// cty's formatFSM: Go-style verbs (%v %#v %t %d %b %o %x %X %e %E %f %g %G %s %q,
// %%, flags "0#-+ ", width, precision, `%[n]` argument indexes) applied to cty
// values, with cty's error messages. Byte offsets in messages count UTF-8 bytes
// as cty does. On error returns nullopt with err set (argIndex >= 0 for "too many
// arguments", counting the format string as argument 0).
std::optional<QString> goFormat(const QString &format, const QList<Value> &args, FunctionError &err);

// Go's formatting of a decimal number, used by format and by legacy functions:
// verb 'e', 'E', 'f', 'g' or 'G' with precision (-1 = default) as big.Float.Format.
QString formatNumberText(const Number &n, char verb, int precision);

} // namespace kiln::hcl::functions
