#pragma once

// Internal to the value layer: the payload behind kiln::hcl::Value, shared by the
// .cpp files that implement Value (construction, equality, set order, printing).

#include "engine/hcl/value/Value.h"

namespace kiln::hcl {

struct Value::Data
{
    enum class State { Null, Unknown, Known };

    Type type;
    State state = State::Null;
    QString string;
    Number number;
    bool boolean = false;
    // List, set, tuple elements; for map and object the values in key order.
    QList<Value> elements;
    // Map elements and object attributes.
    QMap<QString, Value> attributes;
    QSet<QString> marks;
};

// cty's set order (setRules.Less): known non-null values first, sorted by value for
// primitives and by their hash serialisation otherwise; then unknowns; then nulls.
bool setElementLess(const Value &a, const Value &b);

// The serialisation cty hashes set elements by (makeSetHashBytes), as UTF-8.
QByteArray setHashBytes(const Value &v);

} // namespace kiln::hcl
