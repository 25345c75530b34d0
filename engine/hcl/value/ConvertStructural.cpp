// Object to object and tuple to tuple conversions
// (cty/convert/conversion_object.go, conversion_tuple.go).

#include "engine/hcl/value/ConvertInternal.h"

namespace kiln::hcl::convertdetail {

Conversion conversionObjectToObject(const Type &in, const Type &out, bool unsafe)
{
    const QMap<QString, Type> &inAtys = in.attributeTypes();
    const QMap<QString, Type> &outAtys = out.attributeTypes();
    const QSet<QString> &optional = out.optionalAttributes();
    // Every attribute the result keeps; a null conversion means "same type".
    QMap<QString, Conversion> convs;
    for (auto it = outAtys.cbegin(); it != outAtys.cend(); ++it) {
        const auto inIt = inAtys.constFind(it.key());
        if (inIt == inAtys.cend()) {
            if (optional.contains(it.key()))
                continue;
            return {};
        }
        if (inIt.value().equals(it.value())) {
            convs.insert(it.key(), Conversion());
            continue;
        }
        Conversion c = getConversion(inIt.value(), it.value(), unsafe);
        if (!c)
            return {};
        convs.insert(it.key(), c);
    }
    return [convs, outAtys, optional](const Value &val, QString *error) -> std::optional<Value> {
        QMap<QString, Value> attrs;
        // Attributes the target does not name are dropped.
        for (auto it = val.attributes().cbegin(); it != val.attributes().cend(); ++it) {
            const auto c = convs.constFind(it.key());
            if (c == convs.cend())
                continue;
            Value v = it.value();
            if (*c) {
                std::optional<Value> r = (*c)(v, error);
                if (!r)
                    return r;
                v = *r;
            }
            attrs.insert(it.key(), normalizeNull(v));
        }
        for (const QString &name : optional) {
            if (!attrs.contains(name))
                attrs.insert(
                    name, Value::null(outAtys.value(name).withoutOptionalAttributesDeep()));
        }
        return Value::object(attrs);
    };
}

Conversion conversionTupleToTuple(const Type &in, const Type &out, bool unsafe)
{
    const QList<Type> &inEtys = in.tupleElements();
    const QList<Type> &outEtys = out.tupleElements();
    if (inEtys.size() != outEtys.size())
        return {};
    QList<Conversion> convs;
    for (qsizetype i = 0; i < outEtys.size(); ++i) {
        if (inEtys[i].equals(outEtys[i])) {
            convs.append(Conversion());
            continue;
        }
        Conversion c = getConversion(inEtys[i], outEtys[i], unsafe);
        if (!c)
            return {};
        convs.append(c);
    }
    return [convs](const Value &val, QString *error) -> std::optional<Value> {
        QList<Value> elems;
        const QList<Value> &inElems = val.elements();
        for (qsizetype i = 0; i < inElems.size(); ++i) {
            Value v = inElems[i];
            if (convs[i]) {
                std::optional<Value> r = convs[i](v, error);
                if (!r)
                    return r;
                v = *r;
            }
            elems.append(v);
        }
        return Value::tuple(elems);
    };
}

} // namespace kiln::hcl::convertdetail
