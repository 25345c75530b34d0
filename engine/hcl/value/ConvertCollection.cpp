// Conversions whose result is a collection, and map to object
// (cty/convert/conversion_collection.go).

#include "engine/hcl/value/ConvertInternal.h"
#include "engine/hcl/value/GoFormat.h"

namespace kiln::hcl::convertdetail {

namespace {

std::optional<Value> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

// Applies the per-element conversion (if any) and cty's null normalisation.
std::optional<Value> convertElement(const Conversion &conv, const Value &e, QString *error)
{
    if (!conv)
        return normalizeNull(e);
    std::optional<Value> r = conv(e, error);
    if (!r)
        return r;
    return normalizeNull(*r);
}

// conversionUnifyCollectionElements / conversionUnifyListElements: after element
// conversion, bring all elements to one type (e.g. objects with different
// attribute types becoming one map type).
bool unifyElements(QList<Value> &elems, bool unsafe, QString *error)
{
    QList<Type> types;
    for (const Value &e : std::as_const(elems))
        types.append(e.type());
    const std::optional<Type> unified = unifyTypes(types, unsafe);
    if (!unified) {
        fail(error, QStringLiteral("cannot find a common base type for all elements"));
        return false;
    }
    for (Value &e : elems) {
        if (e.type().equals(*unified))
            continue;
        const Conversion conv = getConversion(e.type(), *unified, unsafe);
        if (!conv) {
            fail(error, QStringLiteral("cannot find a common base type for all elements"));
            return false;
        }
        std::optional<Value> r = conv(e, error);
        if (!r)
            return false;
        e = *r;
    }
    return true;
}

bool unifyMapElements(QMap<QString, Value> &elems, bool unsafe, QString *error)
{
    QList<Value> values = elems.values();
    if (!unifyElements(values, unsafe, error))
        return false;
    qsizetype i = 0;
    for (auto it = elems.begin(); it != elems.end(); ++it)
        it.value() = values[i++];
    return true;
}

// The element type a tuple's elements go to when the target says Dynamic; nullopt
// when there is none (then no conversion exists).
std::optional<Type> tupleTargetElementType(
    const QList<Type> &tupleEtys, const Type &ety, bool unsafe)
{
    if (!ety.isDynamic())
        return ety;
    const std::optional<Type> unified = unifyTypes(tupleEtys, unsafe);
    if (!unified)
        return std::nullopt;
    if (unified->isDynamic()) {
        for (const Type &t : tupleEtys) {
            if (!t.isDynamic())
                return std::nullopt;
        }
    }
    return unified;
}

// Per-element conversions for a tuple; false if one element cannot convert.
bool tupleElementConversions(
    const QList<Type> &tupleEtys, const Type &ety, bool unsafe, QList<Conversion> &convs)
{
    for (const Type &t : tupleEtys) {
        if (t.equals(ety)) {
            convs.append(Conversion());
            continue;
        }
        Conversion c = getConversion(t, ety, unsafe);
        if (!c)
            return false;
        convs.append(c);
    }
    return true;
}

} // namespace

Conversion conversionCollectionToList(const Type &ety, const Conversion &conv)
{
    return [ety, conv](const Value &val, QString *error) -> std::optional<Value> {
        // A set holding unknowns may shrink once they are known: its length, and so
        // the list, is unknown.
        if (val.type().kind() == Type::Kind::Set && val.elements().size() != 1
            && !val.isWhollyKnown())
            return Value::unknown(Type::list(val.type().elementType()));
        QList<Value> elems;
        for (const Value &e : val.elements()) {
            std::optional<Value> r = convertElement(conv, e, error);
            if (!r)
                return r;
            elems.append(*r);
        }
        if (elems.isEmpty()) {
            if (ety.isDynamic())
                return Value::listEmpty(val.type().elementType());
            return Value::listEmpty(ety.withoutOptionalAttributesDeep());
        }
        if (!elementTypesMatch(elems))
            return fail(
                error, QStringLiteral("element types must all match for conversion to list"));
        return Value::list(elems);
    };
}

Conversion conversionCollectionToSet(const Type &ety, const Conversion &conv)
{
    return [ety, conv](const Value &val, QString *error) -> std::optional<Value> {
        QList<Value> elems;
        for (const Value &e : val.elements()) {
            std::optional<Value> r = convertElement(conv, e, error);
            if (!r)
                return r;
            elems.append(*r);
        }
        if (elems.isEmpty()) {
            if (ety.isDynamic())
                return Value::setEmpty(val.type().elementType());
            return Value::setEmpty(ety.withoutOptionalAttributesDeep());
        }
        if (!elementTypesMatch(elems))
            return fail(
                error, QStringLiteral("element types must all match for conversion to set"));
        return Value::set(elems);
    };
}

Conversion conversionCollectionToMap(const Type &ety, const Conversion &conv)
{
    return [ety, conv](const Value &val, QString *error) -> std::optional<Value> {
        QMap<QString, Value> elems;
        for (auto it = val.attributes().cbegin(); it != val.attributes().cend(); ++it) {
            Value e = it.value();
            if (conv) {
                std::optional<Value> r = conv(e, error);
                if (!r)
                    return r;
                e = *r;
            }
            elems.insert(it.key(), e);
        }
        if (elems.isEmpty()) {
            if (ety.isDynamic())
                return Value::mapEmpty(val.type().elementType());
            return Value::mapEmpty(ety.withoutOptionalAttributesDeep());
        }
        // cty unifies here in safe mode, whatever mode the conversion runs in.
        if ((ety.isCollection() || ety.kind() == Type::Kind::Object)
            && !unifyMapElements(elems, false, error))
            return std::nullopt;
        if (!elementTypesMatch(elems.values()))
            return fail(
                error, QStringLiteral("element types must all match for conversion to map"));
        return Value::map(elems);
    };
}

Conversion conversionTupleToSet(const Type &tupleType, const Type &setEty, bool unsafe)
{
    const QList<Type> &tupleEtys = tupleType.tupleElements();
    if (tupleEtys.isEmpty()) {
        return [setEty](const Value &, QString *) -> std::optional<Value> {
            return Value::setEmpty(setEty.withoutOptionalAttributesDeep());
        };
    }
    const std::optional<Type> ety = tupleTargetElementType(tupleEtys, setEty, unsafe);
    QList<Conversion> convs;
    if (!ety || !tupleElementConversions(tupleEtys, *ety, unsafe, convs))
        return {};
    return [convs](const Value &val, QString *error) -> std::optional<Value> {
        QList<Value> elems;
        const QList<Value> &in = val.elements();
        for (qsizetype i = 0; i < in.size(); ++i) {
            std::optional<Value> r = convertElement(convs[i], in[i], error);
            if (!r)
                return r;
            elems.append(*r);
        }
        if (!elementTypesMatch(elems))
            return fail(
                error, QStringLiteral("element types must all match for conversion to set"));
        return Value::set(elems);
    };
}

Conversion conversionTupleToList(const Type &tupleType, const Type &listEty, bool unsafe)
{
    const QList<Type> &tupleEtys = tupleType.tupleElements();
    if (tupleEtys.isEmpty()) {
        return [listEty](const Value &, QString *) -> std::optional<Value> {
            return Value::listEmpty(listEty.withoutOptionalAttributesDeep());
        };
    }
    const std::optional<Type> ety = tupleTargetElementType(tupleEtys, listEty, unsafe);
    QList<Conversion> convs;
    if (!ety || !tupleElementConversions(tupleEtys, *ety, unsafe, convs))
        return {};
    return [convs, unsafe](const Value &val, QString *error) -> std::optional<Value> {
        QList<Value> elems;
        const QList<Value> &in = val.elements();
        for (qsizetype i = 0; i < in.size(); ++i) {
            Value e = in[i];
            if (convs[i]) {
                std::optional<Value> r = convs[i](e, error);
                if (!r)
                    return r;
                e = *r;
            }
            elems.append(e);
        }
        if (!unifyElements(elems, unsafe, error))
            return std::nullopt;
        if (!elementTypesMatch(elems))
            return fail(
                error, QStringLiteral("element types must all match for conversion to list"));
        return Value::list(elems);
    };
}

Conversion conversionObjectToMap(const Type &objectType, const Type &mapEty, bool unsafe)
{
    const QMap<QString, Type> &atys = objectType.attributeTypes();
    if (atys.isEmpty()) {
        return [mapEty](const Value &, QString *) -> std::optional<Value> {
            return Value::mapEmpty(mapEty.withoutOptionalAttributesDeep());
        };
    }
    Type ety = mapEty;
    if (ety.isDynamic()) {
        const std::optional<Type> unified = unifyTypes(atys.values(), unsafe);
        if (!unified)
            return {};
        ety = *unified;
    }
    QMap<QString, Conversion> convs;
    for (auto it = atys.cbegin(); it != atys.cend(); ++it) {
        if (it.value().equals(ety))
            continue;
        Conversion c = getConversion(it.value(), ety, unsafe);
        if (!c)
            return {};
        convs.insert(it.key(), c);
    }
    return [convs, ety, unsafe](const Value &val, QString *error) -> std::optional<Value> {
        QMap<QString, Value> elems;
        for (auto it = val.attributes().cbegin(); it != val.attributes().cend(); ++it) {
            Value e = it.value();
            const Conversion conv = convs.value(it.key());
            if (conv) {
                std::optional<Value> r = conv(e, error);
                if (!r)
                    return r;
                e = *r;
            }
            elems.insert(it.key(), e);
        }
        if ((ety.isCollection() || ety.kind() == Type::Kind::Object)
            && !unifyMapElements(elems, unsafe, error))
            return std::nullopt;
        if (!elementTypesMatch(elems.values()))
            return fail(
                error, QStringLiteral("attribute types must all match for conversion to map"));
        return Value::map(elems);
    };
}

Conversion conversionMapToObject(const Type &mapType, const Type &objType, bool unsafe)
{
    const QMap<QString, Type> &atys = objType.attributeTypes();
    const Type mapEty = mapType.elementType();
    // An absent entry means "same type, no conversion"; a null one means "no
    // conversion exists" (tolerated for optional attributes).
    QMap<QString, Conversion> convs;
    for (auto it = atys.cbegin(); it != atys.cend(); ++it) {
        if (it.value().equals(mapEty))
            continue;
        Conversion c = getConversion(mapEty, it.value(), unsafe);
        if (!c && !(objType.optionalAttributes().contains(it.key()) && unsafe))
            return {};
        convs.insert(it.key(), c);
    }
    return [convs, atys, objType](const Value &val, QString *error) -> std::optional<Value> {
        QMap<QString, Value> elems;
        for (auto it = val.attributes().cbegin(); it != val.attributes().cend(); ++it) {
            const QString &name = it.key();
            if (!atys.contains(name))
                continue;
            Value e = it.value();
            const auto c = convs.constFind(name);
            if (c != convs.cend() && *c) {
                std::optional<Value> r = (*c)(e, error);
                if (!r)
                    return r;
                e = *r;
            } else if (c != convs.cend()) {
                return fail(error,
                    QStringLiteral("map element type is incompatible with attribute %1: %2")
                        .arg(
                            quoteGo(name), mismatchMessage(e.type(), objType.attributeType(name))));
            }
            elems.insert(name, normalizeNull(e));
        }
        for (auto it = atys.cbegin(); it != atys.cend(); ++it) {
            if (elems.contains(it.key()))
                continue;
            if (!objType.optionalAttributes().contains(it.key()))
                return fail(error,
                    QStringLiteral("map has no element for required attribute %1")
                        .arg(quoteGo(it.key())));
            elems.insert(it.key(), Value::null(it.value()));
        }
        return Value::object(elems);
    };
}

} // namespace kiln::hcl::convertdetail
