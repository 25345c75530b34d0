#pragma once

#include "engine/hcl/SourceRange.h"

#include <QByteArray>

namespace kiln::tmpl::legacy {

// Maps a byte offset inside a decoded JSON string (where a `{{ }}` error was
// found, GoTemplateError::offset) back to the file: `source` is the whole file
// and `stringRange` the range of the string token, quotes included. Escapes
// (\n, \u00e9, surrogate pairs) are walked so the position lands on the
// character as written. Columns count characters as the JSON scanner does
// (one per code point here; combining marks are rare inside templates).
hcl::SourcePos jsonStringPosition(const QByteArray &source, const hcl::SourceRange &stringRange,
                                  int decodedOffset);

} // namespace kiln::tmpl::legacy
