#pragma once

#include "engine/hcl/value/Value.h"

#include <QString>

namespace kiln::tmpl {

// Packer's PrintableCtyValue: how `console` and `inspect` show a value.
// "<unknown>" unless wholly known; strings bare at the top and Go-quoted when
// nested; whole numbers as integers, others as Go's %g; lists as "[\n  a,\n]",
// maps and objects as "{\n  \"k\" = v\n}" with sorted keys; null as "null".
QString printableValue(const hcl::Value &value);

// Go's %q for a string: double quotes, \" \\ \n \t \r and \x.. / \u.... escapes.
QString goQuote(const QString &text);

// Go's %g (shortest representation) of a double.
QString goFormatG(double value);

} // namespace kiln::tmpl
