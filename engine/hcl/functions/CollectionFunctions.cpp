// element chunklist coalesce coalescelist compact contains distinct flatten
// index length alltrue anytrue: cty's stdlib collection.go, go-cty-funcs'
// coalesce and Packer's own index, length, alltrue and anytrue.

#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/StandardFunctions.h"

namespace kiln::hcl::functions {

namespace {

    const FunctionParam anyVals = param(QStringLiteral("vals"), Type::dynamic(), AllowUnknown | AllowDynamic | AllowNull);

    std::optional<Type> elementType(const QList<Value> &a, FunctionError &err)
    {
        const Type &t = a[0].type();
        if (t.kind() == Type::Kind::List)
            return t.elementType();
        if (t.kind() == Type::Kind::Tuple) {
            if (!a[1].isKnown())
                return Type::dynamic();
            QString why;
            std::optional<qint64> index = toInt(a[1], &why);
            if (!index)
                return failType(err, -1, QStringLiteral("invalid index: %1").arg(why));
            const QList<Type> &etys = t.tupleElements();
            if (etys.isEmpty())
                return failType(err, -1, QStringLiteral("cannot use element function with an empty list"));
            qint64 i = *index % etys.size();
            if (i < 0)
                i += etys.size();
            return etys[i];
        }
        return failType(err, -1, QStringLiteral("cannot read elements from %1").arg(t.friendlyName()));
    }

    Value element(const QList<Value> &a, const Type &ret, FunctionError &err)
    {
        QString why;
        std::optional<qint64> index = toInt(a[1], &why);
        if (!index)
            return fail(err, -1, QStringLiteral("invalid index: %1").arg(why));
        QSet<QString> marks;
        const Value input = unmark(a[0], marks);
        if (!input.isKnown())
            return Value::unknown(ret);
        const qsizetype l = input.length();
        if (l == 0)
            return fail(err, -1, QStringLiteral("cannot use element function with an empty list"));
        qint64 i = *index % l;
        if (i < 0)
            i += l;
        return remark(input.elements()[i], marks);
    }

    Value chunklist(const QList<Value> &a, const Type &ret, FunctionError &err)
    {
        QSet<QString> marks;
        const Value list = unmark(a[0], marks);
        const Value sizeVal = unmark(a[1], marks);
        QString why;
        std::optional<qint64> size = toInt(sizeVal, &why);
        if (!size)
            return fail(err, -1, QStringLiteral("invalid size: %1").arg(why));
        if (*size < 0)
            return fail(err, -1, QStringLiteral("the size argument must be positive"));
        if (!list.isKnown())
            return remark(Value::unknown(ret), marks);
        if (list.length() == 0)
            return remark(Value::listEmpty(list.type()), marks);
        if (*size == 0)
            return remark(Value::list({list}), marks);
        QList<Value> out, chunk;
        const QList<Value> &elems = list.elements();
        for (qsizetype i = 0; i < elems.size(); ++i) {
            chunk.append(elems[i]);
            if ((i + 1) % *size == 0 || i + 1 == elems.size()) {
                out.append(Value::list(chunk));
                chunk.clear();
            }
        }
        return remark(Value::list(out), marks);
    }

    // cty's flattener: nested lists, sets and tuples become one flat sequence.
    bool flattener(const Value &in, QList<Value> &out, QSet<QString> &marks)
    {
        const Value list = unmark(in, marks);
        if (!list.isKnown())
            return false;
        bool known = true;
        for (const Value &v : list.elements()) {
            if (!v.isKnown() && v.type().isDynamic())
                known = false;
            if (!v.isNull() && isSeqType(v.type())) {
                if (!v.isKnown()) {
                    known = false;
                    marks.unite(v.marks());
                    continue;
                }
                if (!flattener(v, out, marks))
                    known = false;
            } else {
                out.append(v);
            }
        }
        return known;
    }

    Value coalesce(const QList<Value> &a, const Type &ret, FunctionError &err)
    {
        for (const Value &arg : a) {
            std::optional<Value> v = convert(arg, ret);
            if (!v)
                continue;
            if (!v->isKnown())
                return Value::unknown(ret);
            if (v->isNull())
                continue;
            if (ret == Type::string() && v->asString().isEmpty())
                continue;
            return *v;
        }
        return fail(err, -1, QStringLiteral("no non-null, non-empty-string arguments"));
    }

    Value contains(const QList<Value> &a, FunctionError &err)
    {
        const Type &ty = a[0].type();
        const Type::Kind k = ty.kind();
        if (k != Type::Kind::List && k != Type::Kind::Tuple && k != Type::Kind::Set)
            return fail(err, -1, QStringLiteral("argument must be list, tuple, or set"));
        if (a[0].isNull())
            return fail(err, -1, QStringLiteral("cannot search a nil list or set"));
        if (a[0].isKnown() && a[0].length() == 0)
            return Value::falseValue();
        if (!a[0].isKnown() || !a[1].isKnown())
            return Value::unknown(Type::boolean());
        bool containsUnknown = false;
        for (const Value &v : a[0].elements()) {
            const Value eq = a[1].equals(v);
            if (!eq.isKnown()) {
                containsUnknown = true;
                continue;
            }
            if (eq.asBool())
                return Value::trueValue();
        }
        return containsUnknown ? Value::unknown(Type::boolean()) : Value::falseValue();
    }

    Value indexOf(const QList<Value> &a, FunctionError &err)
    {
        const Type::Kind k = a[0].type().kind();
        if (k != Type::Kind::List && k != Type::Kind::Tuple)
            return fail(err, -1, QStringLiteral("argument must be a list or tuple"));
        if (!a[0].isKnown())
            return Value::unknown(Type::number());
        if (a[0].length() == 0)
            return fail(err, -1, QStringLiteral("cannot search an empty list"));
        qint64 i = 0;
        for (const Value &v : a[0].elements()) {
            const Value eq = v.equals(a[1]);
            if (!eq.isKnown())
                return Value::unknown(Type::number());
            if (eq.asBool())
                return Value::number(i);
            ++i;
        }
        return fail(err, -1, QStringLiteral("item not found"));
    }

    Value length(const QList<Value> &a)
    {
        const Value &c = a[0];
        const Type &t = c.type();
        switch (t.kind()) {
        case Type::Kind::Dynamic:
            return Value::unknown(Type::number());
        case Type::Kind::Tuple:
            return Value::number(t.tupleElements().size());
        case Type::Kind::Object:
            return Value::number(t.attributeTypes().size());
        case Type::Kind::String:
            if (!c.isKnown())
                return Value::unknown(Type::number());
            return Value::number(graphemeCount(c.asString()));
        default:
            if (!c.isKnown())
                return Value::unknown(Type::number());
            return Value::number(c.length());
        }
    }

} // namespace

void addCollectionFunctions(FunctionTable &t)
{
    add(t, typedFunction(QStringLiteral("element"), QStringLiteral("Retrieves a single element from a list."),
                         {param(QStringLiteral("list"), Type::dynamic(), AllowMarked), param(QStringLiteral("index"), Type::number())},
                         elementType, element));

    add(t, typedFunction(QStringLiteral("chunklist"), QStringLiteral("Splits a single list into multiple lists of a given maximum size."),
                         {param(QStringLiteral("list"), Type::list(Type::dynamic()), AllowMarked),
                          param(QStringLiteral("size"), Type::number(), AllowMarked)},
                         [](const QList<Value> &a, FunctionError &) -> std::optional<Type> { return Type::list(a[0].type()); },
                         chunklist));

    Function flatten = typedFunction(
        QStringLiteral("flatten"), QStringLiteral("Transforms a list, set, or tuple value into a tuple by replacing any given elements that are themselves sequences with a flattened tuple of all of the nested elements concatenated together."),
        {param(QStringLiteral("list"), Type::dynamic(), AllowMarked)},
        [](const QList<Value> &a, FunctionError &err) -> std::optional<Type> {
            if (!a[0].isWhollyKnown())
                return Type::dynamic();
            if (!isSeqType(a[0].type()))
                return failType(err, -1, QStringLiteral("can only flatten lists, sets and tuples"));
            QList<Value> out;
            QSet<QString> marks;
            if (!flattener(a[0], out, marks))
                return Type::dynamic();
            QList<Type> tys;
            for (const Value &v : out)
                tys.append(v.type());
            return Type::tuple(tys);
        },
        [](const QList<Value> &a, const Type &ret, FunctionError &) {
            QSet<QString> marks;
            if (unmark(a[0], marks).length() == 0)
                return remark(Value::emptyTuple(), marks);
            QList<Value> out;
            if (!flattener(a[0], out, marks))
                return remark(Value::unknown(ret), marks);
            return remark(Value::tuple(out), marks);
        });
    add(t, flatten);

    Function coalesceFn = typedFunction(
        QStringLiteral("coalesce"), QStringLiteral("Returns the first of the given arguments that isn't null or an empty string."), {},
        [](const QList<Value> &a, FunctionError &err) -> std::optional<Type> {
            QList<Type> tys;
            for (const Value &v : a)
                tys.append(v.type());
            std::optional<Type> u = unify(tys);
            if (!u)
                return failType(err, -1, QStringLiteral("all arguments must have the same type"));
            return u;
        },
        coalesce);
    coalesceFn.varParam = anyVals;
    add(t, coalesceFn);

    Function coalesceList = typedFunction(
        QStringLiteral("coalescelist"), QStringLiteral("Returns the first non-empty list from the given arguments."), {},
        [](const QList<Value> &a, FunctionError &err) -> std::optional<Type> {
            if (a.isEmpty())
                return failType(err, -1, QStringLiteral("at least one argument is required"));
            for (const Value &v : a) {
                if (!v.isKnown())
                    return Type::dynamic();
                const Type::Kind k = v.type().kind();
                if (k != Type::Kind::List && k != Type::Kind::Tuple)
                    return failType(err, -1, QStringLiteral("coalescelist arguments must be lists or tuples"));
            }
            for (const Value &v : a)
                if (v.type() != a[0].type())
                    return Type::dynamic();
            return a[0].type();
        },
        [](const QList<Value> &a, const Type &ret, FunctionError &err) {
            for (const Value &v : a) {
                if (!v.isKnown())
                    return Value::unknown(ret);
                if (v.isNull())
                    continue;
                if (v.length() > 0)
                    return v;
            }
            return fail(err, -1, QStringLiteral("no non-null arguments"));
        });
    coalesceList.varParam = anyVals;
    add(t, coalesceList);

    add(t, simpleFunction(QStringLiteral("compact"), QStringLiteral("Removes all empty string elements from the given list of strings."),
                          {param(QStringLiteral("list"), Type::list(Type::string()))}, Type::list(Type::string()),
                          [](const QList<Value> &a, const Type &ret, FunctionError &) {
                              if (!a[0].isWhollyKnown())
                                  return Value::unknown(ret);
                              QList<Value> out;
                              for (const Value &v : a[0].elements())
                                  if (!v.isNull() && !v.asString().isEmpty())
                                      out.append(v);
                              return listOrEmpty(out, Type::string());
                          }));

    add(t, simpleFunction(QStringLiteral("contains"), QStringLiteral("Returns true if the given value is a value in the given list, tuple, or set, or false otherwise."),
                          {param(QStringLiteral("list"), Type::dynamic()), param(QStringLiteral("value"), Type::dynamic(), AllowNull)},
                          Type::boolean(), [](const QList<Value> &a, const Type &, FunctionError &err) { return contains(a, err); }));

    add(t, typedFunction(QStringLiteral("distinct"), QStringLiteral("Removes any duplicate values from the given list, preserving the order of remaining elements."),
                         {param(QStringLiteral("list"), Type::list(Type::dynamic()))},
                         [](const QList<Value> &a, FunctionError &) -> std::optional<Type> { return a[0].type(); },
                         [](const QList<Value> &a, const Type &ret, FunctionError &) {
                             if (!a[0].isWhollyKnown())
                                 return Value::unknown(ret);
                             QList<Value> out;
                             for (const Value &v : a[0].elements()) {
                                 bool seen = false;
                                 for (const Value &o : out) {
                                     const Value eq = o.equals(v);
                                     if (eq.isKnown() && eq.asBool()) {
                                         seen = true;
                                         break;
                                     }
                                 }
                                 if (!seen)
                                     out.append(v);
                             }
                             return listOrEmpty(out, ret.elementType());
                         }));

    add(t, simpleFunction(QStringLiteral("index"), QStringLiteral("Finds the element index for a given value in a list."),
                          {param(QStringLiteral("list"), Type::dynamic()), param(QStringLiteral("value"), Type::dynamic())}, Type::number(),
                          [](const QList<Value> &a, const Type &, FunctionError &err) { return indexOf(a, err); }));

    add(t, typedFunction(QStringLiteral("length"), QStringLiteral("Returns the length of the given collection or structural value."),
                         {param(QStringLiteral("value"), Type::dynamic(), AllowDynamic | AllowUnknown)},
                         [](const QList<Value> &a, FunctionError &err) -> std::optional<Type> {
                             const Type &ty = a[0].type();
                             if (ty == Type::string() || ty.isCollection() || ty.isStructural() || ty.isDynamic())
                                 return Type::number();
                             return failType(err, -1, QStringLiteral("argument must be a string, a collection type, or a structural type"));
                         },
                         [](const QList<Value> &a, const Type &, FunctionError &) { return length(a); }));

    add(t, simpleFunction(QStringLiteral("alltrue"), QStringLiteral("Returns true if all elements in a given collection are true or \"true\"."),
                          {param(QStringLiteral("list"), Type::list(Type::boolean()))}, Type::boolean(),
                          [](const QList<Value> &a, const Type &, FunctionError &) {
                              for (const Value &v : a[0].elements()) {
                                  if (!v.isKnown())
                                      return Value::unknown(Type::boolean());
                                  if (v.isNull() || !v.asBool())
                                      return Value::falseValue();
                              }
                              return Value::trueValue();
                          }));
    add(t, simpleFunction(QStringLiteral("anytrue"), QStringLiteral("Returns true if any element in a given collection is true or \"true\"."),
                          {param(QStringLiteral("list"), Type::list(Type::boolean()))}, Type::boolean(),
                          [](const QList<Value> &a, const Type &, FunctionError &) {
                              bool hasUnknown = false;
                              for (const Value &v : a[0].elements()) {
                                  if (!v.isKnown()) {
                                      hasUnknown = true;
                                      continue;
                                  }
                                  if (!v.isNull() && v.asBool())
                                      return Value::trueValue();
                              }
                              return hasUnknown ? Value::unknown(Type::boolean()) : Value::falseValue();
                          }));
}

} // namespace kiln::hcl::functions
