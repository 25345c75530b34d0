#pragma once

#include "engine/hcl/json/JsonValue.h"

#include <QString>
#include <map>

namespace kiln::tmpl::upgrade {

using hcl::json::JsonValue;

// A decoded JSON object as Go holds it: a map (the last duplicate key wins,
// iteration sorted by key as hcl2_upgrade sorts before writing).
using JsonMap = std::map<QString, JsonValue>;

// jsonBodyToHCL2Body: writes the body of a block from a JSON object. Without
// a schema Packer guesses: an object holding an object, an array or null
// becomes a nested block, a flat one a map attribute; an array of objects
// becomes repeated blocks; an empty array is dropped.
class JsonBodyText
{
public:
    static JsonMap toMap(const JsonValue &object);
    static QString body(const JsonMap &kvs);
    static JsonValue stringValue(const QString &s);
    static JsonValue stringListValue(const QStringList &items);
};

} // namespace kiln::tmpl::upgrade
