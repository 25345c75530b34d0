#pragma once

#include "engine/template/legacy/GoTemplateFunction.h"

namespace kiln::tmpl::legacy {

// text/template's predefined functions (and, or, not, len, index, print,
// printf, println, eq, ne, lt, le, gt, ge, html, js, urlquery) with Go's
// error messages. printf supports the verbs templates use: %s %v %d %q %t
// %x %X %f %g %e %% with widths.
GoTemplateFunctions goTemplateBuiltins();

} // namespace kiln::tmpl::legacy
