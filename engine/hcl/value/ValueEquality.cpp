// Value::equals and Value::rawEquals, following cty's Equals and RawEquals.

#include "engine/hcl/value/Value.h"
#include "engine/hcl/value/ValueData.h"

namespace kiln::hcl {

namespace {

// cty's HasWhollyKnownType: false if an unknown of (partly) Dynamic type is inside.
bool hasWhollyKnownType(const Value &v)
{
    if (v.isNull())
        return true;
    if (!v.isKnown())
        return !v.type().hasDynamicTypes();
    for (const Value &e : v.elements()) {
        if (!hasWhollyKnownType(e))
            return false;
    }
    return true;
}

// cty's TestConformance(want) succeeding, where Dynamic in `want` matches anything.
bool conforms(const Type &have, const Type &want)
{
    if (want.isDynamic())
        return true;
    if (have.kind() != want.kind())
        return false;
    switch (have.kind()) {
    case Type::Kind::List:
    case Type::Kind::Set:
    case Type::Kind::Map:
        return conforms(have.elementType(), want.elementType());
    case Type::Kind::Tuple: {
        const QList<Type> &a = have.tupleElements();
        const QList<Type> &b = want.tupleElements();
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!conforms(a[i], b[i]))
                return false;
        }
        return true;
    }
    case Type::Kind::Object: {
        const QMap<QString, Type> &a = have.attributeTypes();
        const QMap<QString, Type> &b = want.attributeTypes();
        if (a.keys() != b.keys())
            return false;
        for (auto it = a.cbegin(); it != a.cend(); ++it) {
            if (!conforms(it.value(), b.value(it.key())))
                return false;
        }
        return true;
    }
    default:
        return true;
    }
}

Value unknownBool()
{
    return Value::unknown(Type::boolean());
}

// Element-wise equality for same-typed sequences: false on the first definite
// mismatch, unknown as soon as any pair is unknown (cty's order of checks).
Value sequenceEquals(const QList<Value> &a, const QList<Value> &b)
{
    if (a.size() != b.size())
        return Value::falseValue();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const Value eq = a[i].equals(b[i]);
        if (!eq.isKnown())
            return unknownBool();
        if (!eq.asBool())
            return Value::falseValue();
    }
    return Value::trueValue();
}

bool setHas(const QList<Value> &set, const Value &v)
{
    for (const Value &x : set) {
        const Value eq = x.equals(v);
        if (eq.isKnown() && eq.asBool())
            return true;
    }
    return false;
}

} // namespace

Value Value::equals(const Value &other) const
{
    if (containsMarked() || other.containsMarked()) {
        QSet<QString> marks;
        const Value a = unmarkedDeep(&marks);
        const Value b = other.unmarkedDeep(&marks);
        // With exactly one null operand only the top-level marks decided the answer.
        if (isNull() != other.isNull()) {
            marks = this->marks();
            marks.unite(other.marks());
        }
        return a.equals(b).withMarks(marks);
    }

    const bool thisKnownValue = isKnown() && !isNull();
    const bool otherKnownValue = other.isKnown() && !other.isNull();
    if ((isNull() && otherKnownValue) || (other.isNull() && thisKnownValue))
        return falseValue();

    if (!isKnown() && !other.isKnown())
        return unknownBool();
    if (isKnown() != other.isKnown()) {
        const Value &k = isKnown() ? *this : other;
        const Value &u = isKnown() ? other : *this;
        if (k.isNull() || u.type().hasDynamicTypes())
            return unknownBool();
        if (!k.type().equals(u.type()))
            return falseValue();
        return unknownBool();
    }

    if (isNull() && other.isNull())
        return trueValue(); // nulls are equal whatever their types
    if (isNull() || other.isNull())
        return falseValue();

    if (!hasWhollyKnownType(*this) || !hasWhollyKnownType(other)) {
        if (!conforms(type(), other.type()) && !conforms(other.type(), type()))
            return falseValue();
        return unknownBool();
    }
    if (!type().equals(other.type()))
        return falseValue();

    switch (type().kind()) {
    case Type::Kind::Number:
        return boolean(d->number == other.d->number);
    case Type::Kind::Bool:
        return boolean(d->boolean == other.d->boolean);
    case Type::Kind::String:
        return boolean(d->string == other.d->string);
    case Type::Kind::List:
    case Type::Kind::Tuple:
        return sequenceEquals(d->elements, other.d->elements);
    case Type::Kind::Object:
        return sequenceEquals(d->elements, other.d->elements); // same type: same keys
    case Type::Kind::Map:
        if (d->attributes.keys() != other.d->attributes.keys())
            return falseValue();
        return sequenceEquals(d->elements, other.d->elements);
    case Type::Kind::Set: {
        bool equal = true;
        for (const Value &e : d->elements) {
            if (!e.isKnown())
                return unknownBool();
            if (!setHas(other.d->elements, e))
                equal = false;
        }
        for (const Value &e : other.d->elements) {
            if (!e.isKnown())
                return unknownBool();
            if (!setHas(d->elements, e))
                equal = false;
        }
        return boolean(equal);
    }
    case Type::Kind::Dynamic:
        break;
    }
    return falseValue();
}

bool Value::rawEquals(const Value &other) const
{
    if (!type().equals(other.type()))
        return false;
    if (marks() != other.marks())
        return false;
    if (!isKnown() || !other.isKnown())
        return !isKnown() && !other.isKnown();
    if (isNull() || other.isNull())
        return isNull() && other.isNull();
    switch (type().kind()) {
    case Type::Kind::Number:
        return d->number == other.d->number;
    case Type::Kind::Bool:
        return d->boolean == other.d->boolean;
    case Type::Kind::String:
        return d->string == other.d->string;
    case Type::Kind::Map:
        if (d->attributes.keys() != other.d->attributes.keys())
            return false;
        [[fallthrough]];
    default: {
        // Lists, tuples, objects (same type, so same keys), maps, and sets (both
        // in set order) compare element by element.
        const QList<Value> &a = d->elements;
        const QList<Value> &b = other.d->elements;
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a[i].rawEquals(b[i]))
                return false;
        }
        return true;
    }
    }
}

} // namespace kiln::hcl
