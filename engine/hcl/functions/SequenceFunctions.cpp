// concat range reverse slice: cty's stdlib sequence.go and collection.go.

#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/StandardFunctions.h"

namespace kiln::hcl::functions {

namespace {

    std::optional<Type> concatType(const QList<Value> &a, FunctionError &err)
    {
        if (a.isEmpty())
            return failType(err, -1, QStringLiteral("at least one argument is required"));
        if (a[0].type().kind() == Type::Kind::List) {
            QList<Type> tys;
            bool allLists = true;
            for (const Value &v : a) {
                if (v.type().kind() != Type::Kind::List) {
                    allLists = false;
                    break;
                }
                tys.append(v.type());
            }
            if (allLists)
                if (std::optional<Type> common = unify(tys))
                    return common;
        }
        QList<Type> etys;
        for (int i = 0; i < a.size(); ++i) {
            const Value v = a[i].unmarkedDeep();
            const Type &ty = v.type();
            if (ty.kind() == Type::Kind::Tuple) {
                etys.append(ty.tupleElements());
            } else if (ty.kind() == Type::Kind::List) {
                if (!v.isKnown())
                    return Type::dynamic();
                for (qsizetype j = 0; j < v.length(); ++j)
                    etys.append(ty.elementType());
            } else {
                return failType(err, i, QStringLiteral("all arguments must be lists or tuples; got %1").arg(ty.friendlyName()));
            }
        }
        return Type::tuple(etys);
    }

    Value concat(const QList<Value> &a, const Type &ret, FunctionError &err)
    {
        QList<Value> vals;
        QSet<QString> marks;
        for (int i = 0; i < a.size(); ++i) {
            Value seq = a[i];
            if (ret.kind() == Type::Kind::List) {
                QString why;
                const QSet<QString> own = seq.marks();
                std::optional<Value> c = convert(seq.unmarked(), ret, &why);
                if (!c)
                    return fail(err, i, why);
                seq = c->withMarks(own);
            }
            seq = unmark(seq, marks);
            if (!seq.isKnown())
                return remark(Value::unknown(ret), marks);
            vals.append(seq.elements());
        }
        if (ret.kind() == Type::Kind::List)
            return remark(listOrEmpty(vals, ret.elementType()), marks);
        return remark(Value::tuple(vals), marks);
    }

    Value range(const QList<Value> &a, FunctionError &err)
    {
        Number start, end, step;
        switch (a.size()) {
        case 1:
            start = Number::fromInt(0);
            end = a[0].asNumber();
            step = Number::fromInt(end.sign() < 0 ? -1 : 1);
            break;
        case 2:
            start = a[0].asNumber();
            end = a[1].asNumber();
            step = Number::fromInt(end < start ? -1 : 1);
            break;
        case 3:
            start = a[0].asNumber();
            end = a[1].asNumber();
            step = a[2].asNumber();
            break;
        default:
            return fail(err, -1, QStringLiteral("must have one, two, or three arguments"));
        }
        // cty compares the step with cty.Zero by identity, which never holds for a
        // given argument, so a zero step runs into the 1024-value limit instead of
        // "step must not be zero"; this mirrors that.
        const bool down = step.sign() < 0;
        if (down && start < end)
            return fail(err, 1, QStringLiteral("end must be less than start when step is negative"));
        if (!down && end < start)
            return fail(err, 1, QStringLiteral("end must be greater than start when step is positive"));
        QList<Value> vals;
        Number num = start;
        while (down ? end < num : num < end) {
            if (vals.size() >= 1024)
                return fail(err, -1, QStringLiteral("more than 1024 values were generated; either decrease the difference between start and end or use a smaller step"));
            vals.append(Value::number(num));
            num = num + step;
        }
        return listOrEmpty(vals, Type::number());
    }

    struct SliceIndexes
    {
        qint64 start = 0, end = 0;
        bool known = false;
    };

    std::optional<SliceIndexes> sliceIndexes(const QList<Value> &a, FunctionError &err)
    {
        SliceIndexes r;
        const Value list = a[0].unmarked();
        qint64 length = 0;
        bool lengthKnown = false;
        if (list.type().kind() == Type::Kind::Tuple) {
            length = list.type().tupleElements().size();
            lengthKnown = true;
        } else if (list.isKnown()) {
            length = list.length();
            lengthKnown = true;
        }
        bool startKnown = false, endKnown = false;
        QString why;
        if (a[1].isKnown()) {
            std::optional<qint64> s = toInt(a[1], &why);
            if (!s)
                return failType(err, 1, QStringLiteral("invalid start index: %1").arg(why)), std::nullopt;
            if (*s < 0)
                return failType(err, 1, QStringLiteral("start index must not be less than zero")), std::nullopt;
            if (lengthKnown && *s > length)
                return failType(err, 1, QStringLiteral("start index must not be greater than the length of the list")), std::nullopt;
            r.start = *s;
            startKnown = true;
        }
        if (a[2].isKnown()) {
            std::optional<qint64> e = toInt(a[2], &why);
            if (!e)
                return failType(err, 2, QStringLiteral("invalid end index: %1").arg(why)), std::nullopt;
            if (*e < 0)
                return failType(err, 2, QStringLiteral("end index must not be less than zero")), std::nullopt;
            if (lengthKnown && *e > length)
                return failType(err, 2, QStringLiteral("end index must not be greater than the length of the list")), std::nullopt;
            r.end = *e;
            endKnown = true;
        }
        if (startKnown && endKnown && r.start > r.end)
            return failType(err, 1, QStringLiteral("start index must not be greater than end index")), std::nullopt;
        r.known = startKnown && endKnown;
        return r;
    }

} // namespace

void addSequenceFunctions(FunctionTable &t)
{
    Function concatFn = typedFunction(QStringLiteral("concat"), QStringLiteral("Concatenates together all of the given lists or tuples into a single sequence, preserving the input order."),
                                      {}, concatType, concat);
    concatFn.varParam = param(QStringLiteral("seqs"), Type::dynamic(), AllowMarked);
    add(t, concatFn);

    Function rangeFn = simpleFunction(QStringLiteral("range"), QStringLiteral("Returns a list of numbers spread evenly over a particular range."), {},
                                      Type::list(Type::number()), [](const QList<Value> &a, const Type &, FunctionError &err) { return range(a, err); });
    rangeFn.varParam = param(QStringLiteral("params"), Type::number());
    add(t, rangeFn);

    add(t, typedFunction(QStringLiteral("reverse"), QStringLiteral("Returns the given list with its elements in reverse order."),
                         {param(QStringLiteral("list"), Type::dynamic(), AllowMarked)},
                         [](const QList<Value> &a, FunctionError &err) -> std::optional<Type> {
                             const Type &ty = a[0].type();
                             if (ty.kind() == Type::Kind::Tuple) {
                                 QList<Type> r = ty.tupleElements();
                                 std::reverse(r.begin(), r.end());
                                 return Type::tuple(r);
                             }
                             if (ty.kind() == Type::Kind::List || ty.kind() == Type::Kind::Set)
                                 return Type::list(ty.elementType());
                             return failType(err, 0, QStringLiteral("can only reverse list or tuple values, not %1").arg(ty.friendlyName()));
                         },
                         [](const QList<Value> &a, const Type &ret, FunctionError &) {
                             QSet<QString> marks;
                             const Value in = unmark(a[0], marks);
                             if (!in.isKnown())
                                 return remark(Value::unknown(ret), marks);
                             QList<Value> out = in.elements();
                             std::reverse(out.begin(), out.end());
                             if (ret.kind() == Type::Kind::Tuple)
                                 return remark(Value::tuple(out), marks);
                             return remark(listOrEmpty(out, ret.elementType()), marks);
                         }));

    add(t, typedFunction(QStringLiteral("slice"), QStringLiteral("Extracts a subslice of the given list or tuple value."),
                         {param(QStringLiteral("list"), Type::dynamic(), AllowMarked), param(QStringLiteral("start_index"), Type::number()),
                          param(QStringLiteral("end_index"), Type::number())},
                         [](const QList<Value> &a, FunctionError &err) -> std::optional<Type> {
                             const Type &ty = a[0].type();
                             if (ty.kind() == Type::Kind::Set)
                                 return failType(err, 0, QStringLiteral("cannot slice a set, because its elements do not have indices; explicitly convert to a list if the ordering of the result is not important"));
                             if (ty.kind() != Type::Kind::List && ty.kind() != Type::Kind::Tuple)
                                 return failType(err, 0, QStringLiteral("must be a list or tuple value"));
                             std::optional<SliceIndexes> idx = sliceIndexes(a, err);
                             if (!idx)
                                 return std::nullopt;
                             if (ty.kind() == Type::Kind::List)
                                 return ty;
                             if (!idx->known)
                                 return Type::dynamic();
                             return Type::tuple(ty.tupleElements().mid(idx->start, idx->end - idx->start));
                         },
                         [](const QList<Value> &a, const Type &ret, FunctionError &err) {
                             QSet<QString> marks;
                             const Value in = unmark(a[0], marks);
                             if (ret.isDynamic())
                                 return remark(Value::dynamicUnknown(), marks);
                             std::optional<SliceIndexes> idx = sliceIndexes(a, err);
                             if (!idx)
                                 return Value::dynamicUnknown();
                             if (!in.isKnown())
                                 return remark(Value::unknown(ret), marks);
                             const QList<Value> out = in.elements().mid(idx->start, idx->end - idx->start);
                             if (ret.kind() == Type::Kind::Tuple)
                                 return remark(Value::tuple(out), marks);
                             return remark(listOrEmpty(out, ret.elementType()), marks);
                         }));
}

} // namespace kiln::hcl::functions
