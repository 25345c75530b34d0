#pragma once

#include <QByteArray>
#include <QJsonValue>

namespace kiln::components {

// JSON text as Go's encoding/json writes it, for files whose bytes users compare with what
// Packer produced (Chef's node.json): object keys sorted, `MarshalIndent(v, "", "  ")`
// layout, HTML-sensitive characters escaped as \u003c, \u003e, \u0026, and numbers in Go's
// shortest float64 form (integers without a fraction).
class GoJsonText
{
public:
    static QByteArray indented(const QJsonValue &value);
};

} // namespace kiln::components
