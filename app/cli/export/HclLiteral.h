#pragma once

#include "engine/hcl/value/Value.h"

#include <QString>

namespace kiln::cli {

// Writes a known value as HCL native syntax that evaluates back to it: what a
// .pkrvars.hcl file needs, and what a PKR_VAR_ environment variable holds for a
// variable whose type is not a primitive.
class HclLiteral
{
public:
    // `"text"`, `12`, `true`, `["a", "b"]`, `{ "k" = "v" }`; null as `null`.
    static QString text(const hcl::Value &value);
    // A quoted HCL string: \ " and control characters escaped, "${" and "%{" doubled
    // so that the value is not read back as a template.
    static QString quoted(const QString &s);
    // What Packer reads from PKR_VAR_<name> for this value: strings, numbers and bools
    // as their bare text (Packer takes them literally), anything else as HCL text.
    static QString environmentText(const hcl::Value &value);
};

} // namespace kiln::cli
