// setintersection setproduct setunion: cty's stdlib set.go and collection.go.

#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/StandardFunctions.h"

namespace kiln::hcl::functions {

namespace {

    std::optional<Type> setOperationType(const QList<Value> &a, FunctionError &err)
    {
        QList<Type> etys;
        for (const Value &v : a) {
            const Type ety = v.type().elementType();
            if (v.isKnown() && v.length() == 0 && ety.isDynamic())
                continue;
            etys.append(ety);
        }
        if (etys.isEmpty())
            return Type::set(Type::dynamic());
        std::optional<Type> u = unify(etys);
        if (!u)
            return failType(err, -1, QStringLiteral("given sets must all have compatible element types"));
        return Type::set(*u);
    }

    using SetOp = std::function<QList<Value>(const QList<Value> &, const QList<Value> &)>;

    Function setOperation(const QString &name, const QString &desc, SetOp op, bool allowUnknowns)
    {
        Function f = typedFunction(name, desc, {param(QStringLiteral("first_set"), Type::set(Type::dynamic()), AllowDynamic)}, setOperationType,
                                   [op, allowUnknowns](const QList<Value> &a, const Type &ret, FunctionError &err) {
                                       QList<Value> acc;
                                       for (int i = 0; i < a.size(); ++i) {
                                           QString why;
                                           std::optional<Value> s = convert(a[i], ret, &why);
                                           if (!s)
                                               return fail(err, i, why);
                                           if (!s->isKnown() || (!allowUnknowns && !s->isWhollyKnown()))
                                               return Value::unknown(ret);
                                           acc = i == 0 ? s->elements() : op(acc, s->elements());
                                       }
                                       if (acc.isEmpty())
                                           return Value::setEmpty(ret.elementType());
                                       return Value::set(acc);
                                   });
        f.varParam = param(QStringLiteral("other_sets"), Type::set(Type::dynamic()), AllowDynamic);
        return f;
    }

    bool containsRaw(const QList<Value> &set, const Value &v)
    {
        for (const Value &e : set)
            if (e.rawEquals(v))
                return true;
        return false;
    }

    std::optional<Type> productType(const QList<Value> &a, FunctionError &err)
    {
        if (a.size() < 2)
            return failType(err, -1, QStringLiteral("at least two arguments are required"));
        int listCount = 0;
        QList<Type> etys;
        for (int i = 0; i < a.size(); ++i) {
            const Type &ty = a[i].type();
            switch (ty.kind()) {
            case Type::Kind::Set:
                etys.append(ty.elementType());
                break;
            case Type::Kind::List:
                etys.append(ty.elementType());
                ++listCount;
                break;
            case Type::Kind::Tuple: {
                if (ty.tupleElements().isEmpty()) {
                    etys.append(Type::dynamic());
                    ++listCount;
                    break;
                }
                std::optional<Type> u = unify(ty.tupleElements());
                if (!u)
                    return failType(err, i, QStringLiteral("all elements must be of the same type"));
                etys.append(*u);
                ++listCount;
                break;
            }
            default:
                return failType(err, i, QStringLiteral("a set or a list is required"));
            }
        }
        if (listCount == a.size())
            return Type::list(Type::tuple(etys));
        return Type::set(Type::tuple(etys));
    }

    Value product(const QList<Value> &a, const Type &ret, FunctionError &err)
    {
        QSet<QString> marks;
        QList<QList<Value>> argVals;
        bool unknownLength = false;
        qint64 total = 1;
        for (const Value &v : a) {
            const Value arg = unmark(v, marks);
            if (!arg.isKnown()) {
                unknownLength = true;
                continue;
            }
            argVals.append(arg.elements());
            total *= arg.length();
        }
        if (unknownLength)
            return remark(Value::unknown(ret), marks);
        const Type ety = ret.elementType();
        const bool isList = ret.kind() == Type::Kind::List;
        if (total == 0)
            return remark(isList ? Value::listEmpty(ety) : Value::setEmpty(ety), marks);
        const QList<Type> &subEtys = ety.tupleElements();
        QList<Value> out;
        QList<qsizetype> n(a.size(), 0);
        for (qint64 i = 0; i < total; ++i) {
            QList<Value> tuple;
            for (int j = 0; j < n.size(); ++j) {
                Value v = argVals[j][n[j]];
                if (v.type() != subEtys[j]) {
                    std::optional<Value> c = convert(v, subEtys[j]);
                    if (!c)
                        return fail(err, -1, QStringLiteral("failed to convert argVals[%1][%2] to %3; this is a bug in cty").arg(j).arg(n[j]).arg(subEtys[j].friendlyName()));
                    v = *c;
                }
                tuple.append(v);
            }
            out.append(Value::tuple(tuple));
            for (int j = int(n.size()) - 1; j >= 0; --j) {
                if (++n[j] < argVals[j].size())
                    break;
                n[j] = 0;
            }
        }
        return remark(isList ? Value::list(out) : Value::set(out), marks);
    }

} // namespace

void addSetFunctions(FunctionTable &t)
{
    add(t, setOperation(QStringLiteral("setunion"), QStringLiteral("Returns the union of all given sets."),
                        [](const QList<Value> &x, const QList<Value> &y) { return x + y; }, true));
    add(t, setOperation(QStringLiteral("setintersection"), QStringLiteral("Returns the intersection of all given sets."),
                        [](const QList<Value> &x, const QList<Value> &y) {
                            QList<Value> out;
                            for (const Value &v : x)
                                if (containsRaw(y, v))
                                    out.append(v);
                            return out;
                        },
                        false));
    Function productFn = typedFunction(QStringLiteral("setproduct"), QStringLiteral("Calculates the cartesian product of two or more sets."), {}, productType, product);
    productFn.varParam = param(QStringLiteral("sets"), Type::dynamic(), AllowMarked | AllowUnknown);
    add(t, productFn);
}

} // namespace kiln::hcl::functions
