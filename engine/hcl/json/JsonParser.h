#pragma once

#include "engine/hcl/Diagnostic.h"
#include "engine/hcl/json/JsonValue.h"

#include <QByteArray>
#include <QString>

namespace kiln::hcl::json {

struct JsonParseResult
{
    // Invalid (JsonValue::isInvalid) when the source has an error; then
    // `diagnostics` holds exactly one error, worded as HCL's JSON parser does.
    JsonValue value;
    Diagnostics diagnostics;
};

// Parses one JSON document (any value at the root, as HCL's parseFileContent;
// the "root must be an object" rule belongs to callers). Positions follow
// HCL's JSON scanner: lines and columns 1-based, a tab counts two columns, a
// carriage return none, a grapheme cluster inside a string one column.
// Thread-safe (no shared state); linear time.
class JsonParser
{
public:
    static JsonParseResult parse(const QByteArray &source, const QString &filename,
                                 SourcePos start = {});

    // Parses a lone value (as hcl json.ParseExpression); identical rules.
    static JsonParseResult parseExpression(const QByteArray &source, const QString &filename,
                                           SourcePos start = {})
    {
        return parse(source, filename, start);
    }

    // Maximum nesting of arrays/objects. Deeper input is reported as an error
    // instead of exhausting the stack of the (possibly small) calling thread.
    static constexpr int maxDepth = 256;
};

} // namespace kiln::hcl::json
