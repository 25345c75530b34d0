// The public conversion API and cty/convert's dispatch (conversion.go, public.go,
// conversion_primitive.go, conversion_dynamic.go).

#include "engine/hcl/value/Convert.h"

#include "engine/hcl/value/ConvertInternal.h"

namespace kiln::hcl {

namespace convertdetail {

namespace {

std::optional<Value> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

// Number and bool to string never fail; cty calls these the safe conversions.
Conversion primitiveSafe(const Type &in, const Type &out)
{
    if (out.kind() != Type::Kind::String)
        return {};
    if (in.kind() == Type::Kind::Number) {
        return [](const Value &v, QString *) -> std::optional<Value> {
            return Value::string(v.asNumber().toString());
        };
    }
    if (in.kind() == Type::Kind::Bool) {
        return [](const Value &v, QString *) -> std::optional<Value> {
            return Value::string(v.asBool() ? QStringLiteral("true") : QStringLiteral("false"));
        };
    }
    return {};
}

Conversion primitiveUnsafe(const Type &in, const Type &out)
{
    if (in.kind() != Type::Kind::String)
        return {};
    if (out.kind() == Type::Kind::Number) {
        return [](const Value &v, QString *error) -> std::optional<Value> {
            const auto n = Number::parse(v.asString());
            if (!n)
                return fail(error, QStringLiteral("a number is required"));
            return Value::number(*n);
        };
    }
    if (out.kind() == Type::Kind::Bool) {
        return [](const Value &v, QString *error) -> std::optional<Value> {
            const QString &s = v.asString();
            if (s == QLatin1String("true") || s == QLatin1String("1"))
                return Value::trueValue();
            if (s == QLatin1String("false") || s == QLatin1String("0"))
                return Value::falseValue();
            const QString lower = s.toLower();
            if (lower == QLatin1String("true"))
                return fail(error,
                    QStringLiteral(
                        "a bool is required; to convert from string, use lowercase \"true\""));
            if (lower == QLatin1String("false"))
                return fail(error,
                    QStringLiteral(
                        "a bool is required; to convert from string, use lowercase \"false\""));
            return fail(error, QStringLiteral("a bool is required"));
        };
    }
    return {};
}

// cty's dynamicReplace: the result type for an unknown or null input, taking what
// is known from the input type where the target leaves it Dynamic.
Type dynamicReplace(const Type &in, const Type &out)
{
    if (in.isDynamic())
        return out;
    switch (out.kind()) {
    case Type::Kind::Dynamic:
        return in;
    case Type::Kind::String:
    case Type::Kind::Number:
    case Type::Kind::Bool:
        return out;
    case Type::Kind::Map:
        if (in.kind() == Type::Kind::Map)
            return Type::map(dynamicReplace(in.elementType(), out.elementType()));
        if (in.kind() == Type::Kind::Object) {
            const auto unified = unifyTypes(in.attributeTypes().values(), true);
            // cty passes NilType on; treat that as "nothing known".
            return Type::map(dynamicReplace(unified.value_or(Type::dynamic()), out.elementType()));
        }
        return out;
    case Type::Kind::Object: {
        QMap<QString, Type> outTypes;
        const QMap<QString, Type> &outAttrs = out.attributeTypes();
        if (in.kind() == Type::Kind::Map) {
            for (auto it = outAttrs.cbegin(); it != outAttrs.cend(); ++it)
                outTypes.insert(it.key(), dynamicReplace(in.elementType(), it.value()));
        }
        if (in.kind() == Type::Kind::Object) {
            for (auto it = outAttrs.cbegin(); it != outAttrs.cend(); ++it) {
                if (!in.hasAttribute(it.key()))
                    outTypes.insert(it.key(), it.value());
                else
                    outTypes.insert(
                        it.key(), dynamicReplace(in.attributeType(it.key()), it.value()));
            }
        }
        return Type::object(outTypes);
    }
    case Type::Kind::Set:
    case Type::Kind::List: {
        const bool list = out.kind() == Type::Kind::List;
        Type ety;
        if (in.kind() == Type::Kind::Set || in.kind() == Type::Kind::List)
            ety = dynamicReplace(in.elementType(), out.elementType());
        else if (in.kind() == Type::Kind::Tuple)
            ety = dynamicReplace(
                unifyTypes(in.tupleElements(), true).value_or(Type::dynamic()), out.elementType());
        else
            return out;
        return list ? Type::list(ety) : Type::set(ety);
    }
    case Type::Kind::Tuple: {
        QList<Type> types;
        const QList<Type> &outElems = out.tupleElements();
        const QList<Type> &inElems = in.tupleElements();
        for (qsizetype i = 0; i < outElems.size(); ++i)
            types.append(
                dynamicReplace(i < inElems.size() ? inElems[i] : Type::dynamic(), outElems[i]));
        return Type::tuple(types);
    }
    }
    return out;
}

Conversion getConversionKnown(const Type &in, const Type &out, bool unsafe)
{
    if (out.isDynamic())
        return [](const Value &v, QString *) -> std::optional<Value> { return v; };
    if (unsafe && in.isDynamic()) {
        // The value's real type is only known now; convert it as a whole.
        return [out](const Value &v, QString *error) { return convertValue(v, out, error); };
    }
    if (in.isPrimitive() && out.isPrimitive()) {
        if (Conversion c = primitiveSafe(in, out))
            return c;
        return unsafe ? primitiveUnsafe(in, out) : Conversion();
    }
    const Type::Kind ik = in.kind();
    const Type::Kind ok = out.kind();
    if (ok == Type::Kind::Object && ik == Type::Kind::Object)
        return conversionObjectToObject(in, out, unsafe);
    if (ok == Type::Kind::Tuple && ik == Type::Kind::Tuple)
        return conversionTupleToTuple(in, out, unsafe);
    if (ok == Type::Kind::List && (ik == Type::Kind::List || ik == Type::Kind::Set)) {
        const Type inEty = in.elementType();
        const Type outEty = out.elementType();
        if (inEty.equals(outEty))
            return conversionCollectionToList(outEty, {});
        Conversion convEty = getConversion(inEty, outEty, unsafe);
        if (!convEty)
            return {};
        return conversionCollectionToList(outEty, convEty);
    }
    if (ok == Type::Kind::Set && (ik == Type::Kind::List || ik == Type::Kind::Set)) {
        if (ik == Type::Kind::List && !unsafe)
            return {}; // a list may have duplicates: converting can lose data
        const Type inEty = in.elementType();
        const Type outEty = out.elementType();
        if (inEty.equals(outEty))
            return conversionCollectionToSet(outEty, {});
        Conversion convEty = getConversion(inEty, outEty, unsafe);
        if (!convEty)
            return {};
        return conversionCollectionToSet(outEty, convEty);
    }
    if (ok == Type::Kind::Map && ik == Type::Kind::Map) {
        Conversion convEty = getConversion(in.elementType(), out.elementType(), unsafe);
        if (!convEty)
            return {};
        return conversionCollectionToMap(out.elementType(), convEty);
    }
    if (ok == Type::Kind::List && ik == Type::Kind::Tuple)
        return conversionTupleToList(in, out.elementType(), unsafe);
    if (ok == Type::Kind::Set && ik == Type::Kind::Tuple)
        return conversionTupleToSet(in, out.elementType(), unsafe);
    if (ok == Type::Kind::Map && ik == Type::Kind::Object)
        return conversionObjectToMap(in, out.elementType(), unsafe);
    if (ok == Type::Kind::Object && ik == Type::Kind::Map) {
        if (!unsafe)
            return {};
        return conversionMapToObject(in, out, unsafe);
    }
    return {};
}

} // namespace

static std::optional<Value> applyWrapped(
    const Conversion &conv, const Type &out, const Value &value, QString *error)
{
    if (value.isMarked()) {
        // Marks ride along: convert the unmarked value and mark the result.
        std::optional<Value> r = applyWrapped(conv, out, value.unmarked(), error);
        if (r)
            r = r->withMarks(value.marks());
        return r;
    }
    if (out.isDynamic())
        return value;
    if (!value.isKnown())
        return Value::unknown(dynamicReplace(value.type(), out.withoutOptionalAttributesDeep()));
    if (value.isNull())
        return Value::null(dynamicReplace(value.type(), out.withoutOptionalAttributesDeep()));
    return conv(value, error);
}

Conversion getConversion(const Type &in, const Type &out, bool unsafe)
{
    Conversion conv = getConversionKnown(in, out, unsafe);
    if (!conv)
        return {};
    return [conv, out](const Value &value, QString *error) {
        return applyWrapped(conv, out, value, error);
    };
}

std::optional<Value> convertValue(const Value &in, const Type &want, QString *error)
{
    // A primitive already of the wanted kind (every string interpolated into a
    // template, most function arguments) needs no conversion; saying so before
    // building the optional-free copy of `want` keeps this the cheap common case.
    if (want.isPrimitive() && in.type().kind() == want.kind())
        return in;
    if (in.type().equals(want.withoutOptionalAttributesDeep()))
        return in;
    Conversion conv = getConversion(in.type(), want, true);
    if (!conv)
        return fail(error, mismatchMessage(in.type(), want));
    return conv(in, error);
}

bool elementTypesMatch(const QList<Value> &elems)
{
    Type ety = Type::dynamic();
    for (const Value &v : elems) {
        if (ety.isDynamic())
            ety = v.type();
        else if (!v.type().isDynamic() && !ety.equals(v.type()))
            return false;
    }
    return true;
}

Value normalizeNull(const Value &v)
{
    if (!v.isNull())
        return v;
    return Value::null(v.type().withoutOptionalAttributesDeep()).withMarks(v.marks());
}

} // namespace convertdetail

std::optional<Value> convert(const Value &in, const Type &want, QString *error)
{
    return convertdetail::convertValue(in, want, error);
}

std::optional<Type> unify(const QList<Type> &types)
{
    return convertdetail::unifyTypes(types, true);
}

bool conversionIsSafe(const Type &from, const Type &to)
{
    if (from.equals(to))
        return true;
    return static_cast<bool>(convertdetail::getConversion(from, to, false));
}

} // namespace kiln::hcl
