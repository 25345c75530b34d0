// keys lookup merge values zipmap: cty's stdlib collection.go.

#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/StandardFunctions.h"

namespace kiln::hcl::functions {

namespace {

    std::optional<Type> lookupType(const QList<Value> &a, FunctionError &err)
    {
        const Type &ty = a[0].type();
        if (ty.kind() == Type::Kind::Object) {
            if (!a[1].isKnown())
                return Type::dynamic();
            const QString key = a[1].unmarked().asString();
            if (ty.hasAttribute(key))
                return ty.attributeType(key);
            return a[2].type();
        }
        if (ty.kind() == Type::Kind::Map) {
            if (!convert(a[2].unmarkedDeep(), ty.elementType()))
                return failType(err, 2, QStringLiteral("the default value must have the same type as the map elements"));
            return ty.elementType();
        }
        return failType(err, 0, QStringLiteral("lookup() requires a map as the first argument"));
    }

    Value lookup(const QList<Value> &a, const Type &ret, FunctionError &err)
    {
        QSet<QString> marks;
        const Value map = unmark(a[0], marks);
        const QString key = unmark(a[1], marks).asString();
        if (!map.isWhollyKnown())
            return remark(Value::unknown(ret), marks);
        if (map.type().kind() == Type::Kind::Object) {
            if (map.type().hasAttribute(key))
                return remark(map.attribute(key), marks);
        } else if (!map.isNull() && map.hasAttribute(key)) {
            return remark(map.attribute(key), marks);
        }
        QString why;
        std::optional<Value> def = convert(a[2], ret, &why);
        if (!def)
            return fail(err, -1, why);
        return remark(*def, marks);
    }

    std::optional<Type> mergeType(const QList<Value> &a, FunctionError &err)
    {
        if (a.isEmpty())
            return Type::object({});
        QMap<QString, Type> attrs;
        std::optional<Type> first;
        bool matching = true;
        bool attrsKnown = true;
        for (int i = 0; i < a.size(); ++i) {
            Type ty = a[i].type();
            if (ty.isDynamic())
                return Type::dynamic();
            if (!ty.isMapLike())
                return failType(err, -1, QStringLiteral("arguments must be maps or objects, got %1").arg(goQuote(ty.friendlyName())));
            const Value arg = a[i].unmarked();
            if (ty.kind() == Type::Kind::Object) {
                if (arg.isNull())
                    ty = Type::object({});
                const QMap<QString, Type> &at = ty.attributeTypes();
                for (auto it = at.constBegin(); it != at.constEnd(); ++it)
                    attrs.insert(it.key(), it.value());
            } else if (!arg.isNull()) {
                if (arg.isKnown()) {
                    for (const QString &k : arg.attributes().keys())
                        attrs.insert(k, ty.elementType());
                } else {
                    attrsKnown = false;
                }
            }
            if (i == 0) {
                first = ty;
                continue;
            }
            if (matching && ty != *first)
                matching = false;
        }
        if (matching)
            return *first;
        if (!attrsKnown)
            return Type::dynamic();
        return Type::object(attrs);
    }

    Value merge(const QList<Value> &a, const Type &ret)
    {
        QMap<QString, Value> out;
        QSet<QString> marks;
        for (const Value &m : a) {
            if (m.isNull())
                continue;
            const Value arg = unmark(m, marks);
            if (!arg.isKnown())
                return remark(Value::unknown(ret), marks);
            const QMap<QString, Value> &attrs = arg.attributes();
            for (auto it = attrs.constBegin(); it != attrs.constEnd(); ++it)
                out.insert(it.key(), it.value());
        }
        if (ret.kind() == Type::Kind::Map) {
            if (out.isEmpty())
                return remark(Value::mapEmpty(ret.elementType()), marks);
            return remark(Value::map(out), marks);
        }
        return remark(Value::object(out), marks);
    }

    std::optional<Type> zipmapType(const QList<Value> &a, FunctionError &err)
    {
        const Value &keys = a[0];
        const Type &vty = a[1].type();
        if (vty.kind() == Type::Kind::List)
            return Type::map(vty.elementType());
        if (vty.kind() == Type::Kind::Tuple) {
            if (!keys.isWhollyKnown())
                return Type::dynamic();
            const QList<Value> raw = keys.unmarked().elements();
            const QList<Type> &vtys = vty.tupleElements();
            if (raw.size() != vtys.size())
                return failType(err, -1, QStringLiteral("number of keys (%1) does not match number of values (%2)").arg(raw.size()).arg(vtys.size()));
            QMap<QString, Type> attrs;
            for (int i = 0; i < raw.size(); ++i) {
                const Value k = raw[i].unmarked();
                if (k.isNull())
                    return failType(err, -1, QStringLiteral("keys list has null value at index %1").arg(i));
                attrs.insert(k.asString(), vtys[i]);
            }
            return Type::object(attrs);
        }
        return failType(err, -1, QStringLiteral("values argument must be a list or tuple value"));
    }

    Value zipmap(const QList<Value> &a, const Type &ret, FunctionError &err)
    {
        QSet<QString> marks;
        const Value keys = unmark(a[0], marks);
        const Value values = unmark(a[1], marks);
        if (!keys.isWhollyKnown() || !values.isKnown())
            return remark(Value::unknown(ret), marks);
        if (keys.length() != values.length())
            return fail(err, -1, QStringLiteral("number of keys (%1) does not match number of values (%2)").arg(keys.length()).arg(values.length()));
        QMap<QString, Value> out;
        const QList<Value> &ks = keys.elements();
        for (int i = 0; i < ks.size(); ++i) {
            const Value k = unmark(ks[i], marks);
            out.insert(k.asString(), values.elements()[i]);
        }
        if (ret.kind() == Type::Kind::Map) {
            if (out.isEmpty())
                return remark(Value::mapEmpty(ret.elementType()), marks);
            return remark(Value::map(out), marks);
        }
        return remark(Value::object(out), marks);
    }

} // namespace

void addMapFunctions(FunctionTable &t)
{
    add(t, typedFunction(QStringLiteral("keys"), QStringLiteral("Takes a map and returns a sorted list of the map keys."),
                         {param(QStringLiteral("inputMap"), Type::dynamic(), AllowUnknown | AllowMarked)},
                         [](const QList<Value> &a, FunctionError &err) -> std::optional<Type> {
                             const Type &ty = a[0].type();
                             if (ty.kind() == Type::Kind::Map)
                                 return Type::list(Type::string());
                             if (ty.kind() == Type::Kind::Object)
                                 return Type::tuple(QList<Type>(ty.attributeTypes().size(), Type::string()));
                             return failType(err, 0, QStringLiteral("must have map or object type"));
                         },
                         [](const QList<Value> &a, const Type &ret, FunctionError &) {
                             QSet<QString> marks;
                             const Value m = unmark(a[0], marks);
                             QList<Value> keys;
                             if (m.type().kind() == Type::Kind::Object) {
                                 for (const QString &k : m.type().attributeTypes().keys())
                                     keys.append(Value::string(k));
                                 return remark(Value::tuple(keys), marks);
                             }
                             if (!m.isKnown())
                                 return remark(Value::unknown(ret), marks);
                             for (const QString &k : m.attributes().keys())
                                 keys.append(Value::string(k));
                             return remark(listOrEmpty(keys, Type::string()), marks);
                         }));

    add(t, typedFunction(QStringLiteral("lookup"), QStringLiteral("Retrieves the value of a single element from a map, given its key. If the given key does not exist, the given default value is returned instead."),
                         {param(QStringLiteral("inputMap"), Type::dynamic(), AllowMarked), param(QStringLiteral("key"), Type::string(), AllowMarked),
                          param(QStringLiteral("default"), Type::dynamic(), AllowMarked)},
                         lookupType, lookup));

    Function mergeFn = typedFunction(QStringLiteral("merge"),
                                     QStringLiteral("Merges all of the elements from the given maps into a single map, or the attributes from given objects into a single object."),
                                     {}, mergeType, [](const QList<Value> &a, const Type &ret, FunctionError &) { return merge(a, ret); });
    mergeFn.varParam = param(QStringLiteral("maps"), Type::dynamic(), AllowDynamic | AllowNull | AllowMarked);
    add(t, mergeFn);

    add(t, typedFunction(QStringLiteral("values"), QStringLiteral("Returns the values of elements of a given map, or the values of attributes of a given object, in lexicographic order by key or attribute name."),
                         {param(QStringLiteral("mapping"), Type::dynamic(), AllowMarked)},
                         [](const QList<Value> &a, FunctionError &err) -> std::optional<Type> {
                             const Type &ty = a[0].type();
                             if (ty.kind() == Type::Kind::Map)
                                 return Type::list(ty.elementType());
                             if (ty.kind() == Type::Kind::Object)
                                 return Type::tuple(ty.attributeTypes().values());
                             return failType(err, -1, QStringLiteral("values() requires a map as the first argument"));
                         },
                         [](const QList<Value> &a, const Type &ret, FunctionError &) {
                             QSet<QString> marks;
                             const Value m = unmark(a[0], marks);
                             if (!m.isKnown())
                                 return remark(Value::unknown(ret), marks);
                             const QList<Value> vals = m.attributes().values();
                             if (ret.kind() == Type::Kind::Tuple)
                                 return remark(Value::tuple(vals), marks);
                             return remark(listOrEmpty(vals, ret.elementType()), marks);
                         }));

    add(t, typedFunction(QStringLiteral("zipmap"), QStringLiteral("Constructs a map from a list of keys and a corresponding list of values."),
                         {param(QStringLiteral("keys"), Type::list(Type::string()), AllowMarked), param(QStringLiteral("values"), Type::dynamic(), AllowMarked)},
                         zipmapType, zipmap));
}

} // namespace kiln::hcl::functions
