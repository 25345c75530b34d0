#pragma once

#include "engine/hcl/value/Value.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace kiln::hcl::functions {

// cty's JSON mapping (cty/json) as jsonencode/jsondecode and format's %v/%#v/%q use it.
namespace ctyjson {

    // json.Marshal(v, v.Type()): compact, object keys sorted, strings escaped as
    // Go's encoding/json does (including <, >, & as \u003c...). Fails for unknown
    // or marked values and infinities with cty's message.
    std::optional<QByteArray> marshal(const Value &v, QString *error);

    // Go's json.Marshal of one string.
    QByteArray quoteString(const QString &s);

    // json.ImpliedType + json.Unmarshal: objects become object values, arrays
    // tuples, numbers keep their exact decimal value. Fails with the messages Go's
    // decoder gives ("unexpected end of JSON input", "invalid character ...").
    std::optional<Value> decodeImplied(const QByteArray &json, QString *error);

} // namespace ctyjson

} // namespace kiln::hcl::functions
