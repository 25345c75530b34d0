#pragma once

#include "engine/hcl/value/Value.h"

#include <QMap>
#include <QString>
#include <memory>

namespace kiln::hcl {

class TypeDefaults;
using TypeDefaultsPtr = std::shared_ptr<const TypeDefaults>;

// The default values a type constraint declares with optional(T, default), as
// hcl's typeexpr.Defaults: a tree following the type, holding defaults for
// object attributes at any depth. Apply them to a value *before* converting it
// to the constraint type (the result may still need that conversion).
class TypeDefaults
{
public:
    Type type; // the constraint type this node describes
    QMap<QString, Value> defaultValues; // attribute name -> default (objects only)
    // Defaults for nested values: by attribute name (objects), by element index
    // as a decimal string (tuples), or under "" (the element of list/set/map).
    QMap<QString, TypeDefaultsPtr> children;

    // Fills missing or null optional attributes with their defaults, all the way
    // down, as typeexpr.Defaults.Apply. Null and unknown values pass unchanged.
    Value apply(const Value &value) const;

private:
    const TypeDefaults *child(qsizetype index) const;
    const TypeDefaults *child(const QString &name) const;
};

} // namespace kiln::hcl
