#pragma once

#include "engine/hcl/value/Value.h"

#include <optional>

namespace kiln::hcl {

// cty/convert: converts `in` to type `want` by cty's safe and unsafe conversion
// rules (number<->string, bool<->string, tuple->list/set, object->map, list->set,
// ..., element-wise for collections, optional attributes filled with null, Dynamic
// passes through). On failure returns nullopt and sets *error to cty's message as
// Packer prints it, e.g. "a number is required", "string required",
// "attribute \"name\" is required", "element 1: string required".
std::optional<Value> convert(const Value &in, const Type &want, QString *error = nullptr);

// cty's convert.UnifyUnsafe: the single type every given type converts to, used
// for conditional results and collection literals. nullopt if none exists.
std::optional<Type> unify(const QList<Type> &types);

// The cty "safe" conversion test: true if `from` converts to `to` without data loss
// and without possibly failing.
bool conversionIsSafe(const Type &from, const Type &to);

} // namespace kiln::hcl
