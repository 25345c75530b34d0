#pragma once

// Small wording helpers so that diagnostics read exactly as hashicorp/hcl's.

#include <QString>
#include <QStringList>

namespace kiln::hcl {

// hcl's nameSuggestion over names that come from a map (variables, functions):
// hcl takes the first candidate within distance 2 in Go's random map order; we
// offer them sorted so that messages are deterministic.
QString suggestFromUnordered(const QString &given, QStringList candidates);

// Go's %q formatting of a string (strconv.Quote): double quotes, with
// backslash escapes for quotes, backslashes and non-printable characters.
QString goQuote(const QString &s);

} // namespace kiln::hcl
