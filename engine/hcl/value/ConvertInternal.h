#pragma once

// Internal to the value layer: cty/convert's two-phase design. A Conversion is
// chosen from the input and output *types* alone (none means "no conversion",
// which is when cty reports MismatchMessage), then applied to a value, where it
// may still fail with a message (for example "a number is required").

#include "engine/hcl/value/Value.h"

#include <functional>
#include <optional>

namespace kiln::hcl::convertdetail {

using Conversion = std::function<std::optional<Value>(const Value &in, QString *error)>;

// getConversion: wraps the type-specific conversion with cty's handling of marks,
// unknown and null inputs, and a Dynamic target.
Conversion getConversion(const Type &in, const Type &out, bool unsafe);

// convert.Convert / convert.MismatchMessage.
std::optional<Value> convertValue(const Value &in, const Type &want, QString *error);
QString mismatchMessage(const Type &got, const Type &want);

// convert's internal unify(types, unsafe); nullopt is cty.NilType.
std::optional<Type> unifyTypes(const QList<Type> &types, bool unsafe);

// Conversions between collections and structural types (ConvertCollection.cpp).
Conversion conversionCollectionToList(const Type &ety, const Conversion &conv);
Conversion conversionCollectionToSet(const Type &ety, const Conversion &conv);
Conversion conversionCollectionToMap(const Type &ety, const Conversion &conv);
Conversion conversionTupleToList(const Type &tupleType, const Type &listEty, bool unsafe);
Conversion conversionTupleToSet(const Type &tupleType, const Type &setEty, bool unsafe);
Conversion conversionObjectToMap(const Type &objectType, const Type &mapEty, bool unsafe);
Conversion conversionMapToObject(const Type &mapType, const Type &objType, bool unsafe);

// ConvertStructural.cpp.
Conversion conversionObjectToObject(const Type &in, const Type &out, bool unsafe);
Conversion conversionTupleToTuple(const Type &in, const Type &out, bool unsafe);

// cty.CanListVal / CanSetVal / CanMapVal: every non-Dynamic element type equal.
bool elementTypesMatch(const QList<Value> &elems);

// A null element keeps its type minus optional-attribute markers.
Value normalizeNull(const Value &v);

} // namespace kiln::hcl::convertdetail
