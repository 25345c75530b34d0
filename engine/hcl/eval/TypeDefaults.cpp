#include "engine/hcl/eval/TypeDefaults.h"

#include "engine/hcl/value/Convert.h"

namespace kiln::hcl {

namespace {

// typeexpr's unifyAsSlice/unifyAsMap: converts all values to one common type,
// or returns nullopt if there is none (the caller then builds a structural value).
std::optional<QList<Value>> unifyAll(const QList<Value> &values)
{
    QList<Type> types;
    for (const Value &v : values)
        types.append(v.type());
    const std::optional<Type> common = unify(types);
    if (!common)
        return std::nullopt;
    QList<Value> out;
    for (const Value &v : values) {
        if (v.type() == *common) {
            out.append(v);
            continue;
        }
        std::optional<Value> c = convert(v, *common);
        if (!c)
            return std::nullopt;
        out.append(*c);
    }
    return out;
}

} // namespace

const TypeDefaults *TypeDefaults::child(qsizetype index) const
{
    // Tuples keep per-element defaults; collections one shared element default.
    if (type.kind() == Type::Kind::Tuple)
        return children.value(QString::number(index)).get();
    return children.value(QString()).get();
}

const TypeDefaults *TypeDefaults::child(const QString &name) const
{
    if (type.kind() == Type::Kind::Object)
        return children.value(name).get();
    return children.value(QString()).get();
}

Value TypeDefaults::apply(const Value &value) const
{
    if (!value.isKnown() || value.isNull())
        return value;
    if (defaultValues.isEmpty() && children.isEmpty())
        return value;

    const QSet<QString> marks = value.marks();
    const Value v = value.unmarked();
    const Type &t = v.type();
    Value result = v;

    if (t.isListLike()) {
        QList<Value> values;
        const QList<Value> &elems = v.elements();
        for (qsizetype i = 0; i < elems.size(); ++i) {
            const TypeDefaults *c = child(i);
            values.append(c ? c->apply(elems[i]) : elems[i]);
        }
        bool done = false;
        if (t.kind() == Type::Kind::Set || t.kind() == Type::Kind::List) {
            const bool isSet = t.kind() == Type::Kind::Set;
            if (values.isEmpty()) {
                result
                    = isSet ? Value::setEmpty(t.elementType()) : Value::listEmpty(t.elementType());
                done = true;
            } else if (std::optional<QList<Value>> conv = unifyAll(values)) {
                result = isSet ? Value::set(*conv) : Value::list(*conv);
                done = true;
            }
        }
        if (!done)
            result = Value::tuple(values);
    } else if (t.isMapLike()) {
        QMap<QString, Value> values;
        const QMap<QString, Value> &attrs = v.attributes();
        for (auto it = attrs.constBegin(); it != attrs.constEnd(); ++it) {
            const TypeDefaults *c = child(it.key());
            values.insert(it.key(), c ? c->apply(it.value()) : it.value());
        }
        for (auto it = defaultValues.constBegin(); it != defaultValues.constEnd(); ++it) {
            auto existing = values.constFind(it.key());
            if (existing == values.constEnd() || existing->isNull()) {
                const TypeDefaults *c = children.value(it.key()).get();
                values.insert(it.key(), c ? c->apply(it.value()) : it.value());
            }
        }
        bool done = false;
        if (t.kind() == Type::Kind::Map) {
            if (values.isEmpty()) {
                result = Value::mapEmpty(t.elementType());
                done = true;
            } else if (std::optional<QList<Value>> conv = unifyAll(values.values())) {
                QMap<QString, Value> m;
                qsizetype i = 0;
                for (auto it = values.constBegin(); it != values.constEnd(); ++it, ++i)
                    m.insert(it.key(), (*conv)[i]);
                result = Value::map(m);
                done = true;
            }
        }
        if (!done)
            result = Value::object(values);
    }
    return marks.isEmpty() ? result : result.withMarks(result.marks() | marks);
}

} // namespace kiln::hcl
