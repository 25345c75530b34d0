#include "engine/hcl/eval/DiagnosticText.h"

#include "engine/hcl/value/GoFormat.h"

#include "engine/hcl/Parser.h"

namespace kiln::hcl {

QString suggestFromUnordered(const QString &given, QStringList candidates)
{
    candidates.sort();
    return nameSuggestion(given, candidates);
}

QString goQuote(const QString &s)
{
    return quoteGo(s); // one Go quoting, in the value layer
}

} // namespace kiln::hcl
