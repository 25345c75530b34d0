// cty/convert/unify.go, compare_types.go and sort_types.go: the single type a set
// of types can all convert to, preferring the most general one.

#include "engine/hcl/value/ConvertInternal.h"

namespace kiln::hcl::convertdetail {

namespace {

using K = Type::Kind;

// compareTypes: negative if a is the more general ("a supertype") of the two.
int compareTypes(Type a, Type b)
{
    if (a.isDynamic() || b.isDynamic()) {
        if (!a.isDynamic())
            return -1;
        if (!b.isDynamic())
            return 1;
        return 0;
    }
    if (a.isPrimitive() && b.isPrimitive()) {
        const bool as = a.kind() == K::String;
        const bool bs = b.kind() == K::String;
        if (as || bs) {
            if (!as)
                return 1;
            if (!bs)
                return -1;
            return 0;
        }
    }
    if (a.kind() == b.kind() && a.isCollection())
        return compareTypes(a.elementType(), b.elementType());

    int swap = 1;
    if ((a.kind() == K::Tuple && b.kind() == K::List)
        || (a.kind() == K::Object && b.kind() == K::Map)
        || (a.kind() == K::Set && b.kind() == K::Tuple)
        || (a.kind() == K::Set && b.kind() == K::List)) {
        std::swap(a, b);
        swap = -1;
    }
    if (b.kind() == K::Set && (a.kind() == K::Tuple || a.kind() == K::List))
        return -1 * swap;
    if (a.kind() == K::List && b.kind() == K::Tuple)
        return -1 * swap;
    if (a.kind() == K::Map && b.kind() == K::Object)
        return -1 * swap;

    QList<int> cmps;
    if (a.kind() == K::Object && b.kind() == K::Object) {
        const QMap<QString, Type> &atysA = a.attributeTypes();
        const QMap<QString, Type> &atysB = b.attributeTypes();
        if (atysA.size() != atysB.size())
            return 0;
        for (auto it = atysA.cbegin(); it != atysA.cend(); ++it) {
            if (!atysB.contains(it.key()))
                return 0;
            cmps.append(compareTypes(it.value(), atysB.value(it.key())));
        }
    } else if (a.kind() == K::Tuple && b.kind() == K::Tuple) {
        const QList<Type> &etysA = a.tupleElements();
        const QList<Type> &etysB = b.tupleElements();
        if (etysA.size() != etysB.size())
            return 0;
        for (qsizetype i = 0; i < etysA.size(); ++i)
            cmps.append(compareTypes(etysA[i], etysB[i]));
    } else {
        return 0;
    }
    const bool aSuper = cmps.contains(-1);
    const bool bSuper = cmps.contains(1);
    if (aSuper && bSuper)
        return 0;
    if (aSuper)
        return -1 * swap;
    if (bSuper)
        return 1 * swap;
    return 0;
}

// sortTypes: a topological order of preference. Like cty, positions not reached
// (only possible with cycles) stay 0.
QList<qsizetype> sortTypes(const QList<Type> &tys)
{
    const qsizetype l = tys.size();
    QList<QList<qsizetype>> edges(l);
    for (qsizetype i = 0; i + 1 < l; ++i) {
        for (qsizetype j = i + 1; j < l; ++j) {
            const int cmp = compareTypes(tys[i], tys[j]);
            if (cmp < 0)
                edges[i].append(j);
            else if (cmp > 0)
                edges[j].append(i);
        }
    }
    QList<int> inDegree(l, 0);
    for (const auto &outs : std::as_const(edges)) {
        for (qsizetype j : outs)
            ++inDegree[j];
    }
    QList<qsizetype> result(l, 0);
    qsizetype head = 0, tail = 0;
    for (qsizetype i = 0; i < l; ++i) {
        if (inDegree[i] == 0)
            result[tail++] = i;
    }
    while (head < tail) {
        const qsizetype i = result[head++];
        for (qsizetype j : std::as_const(edges[i])) {
            if (--inDegree[j] == 0)
                result[tail++] = j;
        }
    }
    return result;
}

bool allConvert(const QList<Type> &types, const Type &to, bool unsafe)
{
    for (const Type &t : types) {
        if (!t.equals(to) && !getConversion(t, to, unsafe))
            return false;
    }
    return true;
}

std::optional<Type> unifyCollectionTypes(
    K kind, const QList<Type> &types, bool unsafe, bool hasDynamic)
{
    if (hasDynamic)
        return Type::dynamic(); // unifyAllAsDynamic
    QList<Type> etys;
    for (const Type &t : types)
        etys.append(t.elementType());
    const std::optional<Type> ety = unifyTypes(etys, unsafe);
    if (!ety)
        return std::nullopt;
    const Type ret = kind == K::Map ? Type::map(*ety)
        : kind == K::List           ? Type::list(*ety)
                                    : Type::set(*ety);
    if (!allConvert(types, ret, unsafe))
        return std::nullopt;
    return ret;
}

std::optional<Type> unifyObjectTypesToMap(const QList<Type> &types, bool unsafe)
{
    QList<Type> atys;
    for (const Type &t : types)
        atys.append(t.attributeTypes().values());
    const std::optional<Type> ety = unifyTypes(atys, unsafe);
    if (!ety)
        return std::nullopt;
    const Type ret = Type::map(*ety);
    if (!allConvert(types, ret, unsafe))
        return std::nullopt;
    return ret;
}

std::optional<Type> unifyTupleTypesToList(const QList<Type> &types, bool unsafe)
{
    QList<Type> etys;
    for (const Type &t : types)
        etys.append(t.tupleElements());
    const std::optional<Type> ety = unifyTypes(etys, unsafe);
    if (!ety)
        return std::nullopt;
    const Type ret = Type::list(*ety);
    if (!allConvert(types, ret, unsafe))
        return std::nullopt;
    return ret;
}

std::optional<Type> unifyObjectTypes(const QList<Type> &types, bool unsafe, bool hasDynamic)
{
    if (hasDynamic)
        return Type::dynamic();
    // Objects with different attribute names can only meet as a map.
    const QList<QString> names = types[0].attributeTypes().keys();
    for (const Type &t : types) {
        if (t.attributeTypes().keys() != names)
            return unifyObjectTypesToMap(types, unsafe);
    }
    QMap<QString, Type> retAtys;
    for (const QString &name : names) {
        QList<Type> across;
        for (const Type &t : types)
            across.append(t.attributeType(name));
        const std::optional<Type> u = unifyTypes(across, unsafe);
        if (!u)
            return std::nullopt;
        retAtys.insert(name, *u);
    }
    const Type ret = Type::object(retAtys);
    if (!allConvert(types, ret, unsafe))
        return unifyObjectTypesToMap(types, unsafe);
    return ret;
}

std::optional<Type> unifyTupleTypes(const QList<Type> &types, bool unsafe, bool hasDynamic)
{
    if (hasDynamic)
        return Type::dynamic();
    const qsizetype n = types[0].tupleElements().size();
    for (const Type &t : types) {
        if (t.tupleElements().size() != n)
            return unifyTupleTypesToList(types, unsafe);
    }
    QList<Type> retEtys;
    for (qsizetype i = 0; i < n; ++i) {
        QList<Type> across;
        for (const Type &t : types)
            across.append(t.tupleElements()[i]);
        const std::optional<Type> u = unifyTypes(across, unsafe);
        if (!u)
            return std::nullopt;
        retEtys.append(*u);
    }
    const Type ret = Type::tuple(retEtys);
    if (!allConvert(types, ret, unsafe))
        return unifyTupleTypesToList(types, unsafe);
    return ret;
}

// unifyTuplesAsList / unifyObjectsAsMaps: first bring the structural types to one
// collection type, then unify that with the collections already present.
std::optional<Type> unifyStructuralAsCollection(
    const QList<Type> &types, bool unsafe, K structural, K collection)
{
    QList<Type> structs;
    for (const Type &t : types) {
        if (t.kind() == structural)
            structs.append(t);
    }
    const std::optional<Type> ty = structural == K::Tuple ? unifyTupleTypesToList(structs, unsafe)
                                                          : unifyObjectTypesToMap(structs, unsafe);
    if (!ty || ty->kind() != collection)
        return std::nullopt;
    QList<Type> replaced = types;
    for (Type &t : replaced) {
        if (t.kind() == structural)
            t = *ty;
    }
    const std::optional<Type> newTy = unifyTypes(replaced, unsafe);
    if (!newTy || newTy->kind() != collection)
        return std::nullopt;
    return newTy;
}

} // namespace

std::optional<Type> unifyTypes(const QList<Type> &types, bool unsafe)
{
    if (types.isEmpty())
        return std::nullopt;
    int mapCt = 0, listCt = 0, setCt = 0, objectCt = 0, tupleCt = 0, dynamicCt = 0;
    for (const Type &t : types) {
        switch (t.kind()) {
        case K::Map:
            ++mapCt;
            break;
        case K::List:
            ++listCt;
            break;
        case K::Set:
            ++setCt;
            break;
        case K::Object:
            ++objectCt;
            break;
        case K::Tuple:
            ++tupleCt;
            break;
        case K::Dynamic:
            ++dynamicCt;
            break;
        default:
            break;
        }
    }
    const int n = static_cast<int>(types.size());
    if (mapCt > 0 && mapCt + dynamicCt == n)
        return unifyCollectionTypes(K::Map, types, unsafe, dynamicCt > 0);
    if (mapCt > 0 && mapCt + objectCt + dynamicCt == n) {
        if (auto t = unifyStructuralAsCollection(types, unsafe, K::Object, K::Map))
            return t;
    } else if (listCt > 0 && listCt + dynamicCt == n) {
        return unifyCollectionTypes(K::List, types, unsafe, dynamicCt > 0);
    } else if (listCt > 0 && listCt + tupleCt + dynamicCt == n) {
        if (auto t = unifyStructuralAsCollection(types, unsafe, K::Tuple, K::List))
            return t;
    } else if (setCt > 0 && setCt + dynamicCt == n) {
        return unifyCollectionTypes(K::Set, types, unsafe, dynamicCt > 0);
    } else if (objectCt > 0 && objectCt + dynamicCt == n) {
        return unifyObjectTypes(types, unsafe, dynamicCt > 0);
    } else if (tupleCt > 0 && tupleCt + dynamicCt == n) {
        return unifyTupleTypes(types, unsafe, dynamicCt > 0);
    } else if (objectCt > 0 && tupleCt > 0) {
        return std::nullopt;
    }

    // Try each type in order of preference as the one all others convert to.
    for (const qsizetype wantIdx : sortTypes(types)) {
        const Type &want = types[wantIdx];
        bool ok = true;
        for (qsizetype i = 0; i < types.size() && ok; ++i) {
            if (i == wantIdx || types[i].equals(want))
                continue;
            ok = static_cast<bool>(getConversion(types[i], want, unsafe));
        }
        if (ok)
            return want;
    }
    return std::nullopt;
}

} // namespace kiln::hcl::convertdetail
