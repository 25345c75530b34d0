#include "engine/hcl/value/Value.h"

#include "engine/hcl/value/ValueData.h"

#include <algorithm>
#include <cstring>
#include <map>

namespace kiln::hcl {

namespace {

const QString &emptyString()
{
    static const QString s;
    return s;
}

const QList<Value> &emptyValues()
{
    static const QList<Value> l;
    return l;
}

const QMap<QString, Value> &emptyAttributes()
{
    static const QMap<QString, Value> m;
    return m;
}

const QSet<QString> &emptyMarks()
{
    static const QSet<QString> s;
    return s;
}

std::shared_ptr<Value::Data> known(const Type &t)
{
    auto d = std::make_shared<Value::Data>();
    d->type = t;
    d->state = Value::Data::State::Known;
    return d;
}

// cty takes a collection's element type from its first element that is not of
// Dynamic type (an unknown of Dynamic type fits any collection).
Type commonElementType(const QList<Value> &elements)
{
    for (const Value &v : elements) {
        if (!v.type().isDynamic())
            return v.type();
    }
    return Type::dynamic();
}

} // namespace

Value::Value()
    : Value(null(Type::dynamic()))
{ }

Value::Value(std::shared_ptr<const Data> data)
    : d(std::move(data))
{ }

Value Value::null(const Type &t)
{
    if (t.isDynamic()) {
        static const Value dyn = [] {
            auto d = std::make_shared<Data>();
            return Value(std::shared_ptr<const Data>(d));
        }();
        if (dyn.d)
            return dyn;
    }
    auto d = std::make_shared<Data>();
    d->type = t;
    return Value(d);
}

Value Value::unknown(const Type &t)
{
    auto d = std::make_shared<Data>();
    d->type = t;
    d->state = Data::State::Unknown;
    return Value(d);
}

namespace {

// True when NFC cannot change s: every character below U+0300 is its own NFC
// form and, with no combining character after it, composes with nothing.
// Almost every string in a template is like that, and the check is cheaper
// than asking QString::normalized() to find it out.
bool isTriviallyNfc(const QString &s)
{
    const ushort *p = s.utf16();
    const qsizetype n = s.size();
    qsizetype i = 0;
    // Four characters at a time: a lane is flagged when it is 0x300 or more
    // (bit 15 set, or set by adding 0x7D00); a carry out of a flagged lane can
    // only flag more, which just ends this fast part early.
    for (; n - i >= 4; i += 4) {
        quint64 v;
        std::memcpy(&v, p + i, sizeof v);
        if ((v | (v + 0x7D007D007D007D00ull)) & 0x8000800080008000ull)
            break;
    }
    for (; i < n; ++i)
        if (p[i] >= 0x300)
            return false;
    return true;
}

} // namespace

Value Value::string(const QString &s)
{
    auto d = known(Type::string());
    d->string = isTriviallyNfc(s) ? s : s.normalized(QString::NormalizationForm_C);
    return Value(d);
}

Value Value::number(const Number &n)
{
    auto d = known(Type::number());
    d->number = n;
    return Value(d);
}

Value Value::boolean(bool b)
{
    auto d = known(Type::boolean());
    d->boolean = b;
    return Value(d);
}

Value Value::list(const QList<Value> &elements)
{
    if (elements.isEmpty())
        return listEmpty(Type::dynamic());
    auto d = known(Type::list(commonElementType(elements)));
    d->elements = elements;
    return Value(d);
}

Value Value::listEmpty(const Type &elementType)
{
    return Value(known(Type::list(elementType)));
}

Value Value::set(const QList<Value> &elements)
{
    if (elements.isEmpty())
        return setEmpty(Type::dynamic());
    // Set elements cannot carry marks in cty: they move to the set itself.
    QSet<QString> marks;
    QList<Value> plain;
    plain.reserve(elements.size());
    for (const Value &e : elements)
        plain.append(e.unmarkedDeep(&marks));
    auto d = known(Type::set(commonElementType(plain)));
    // Equivalent elements (cty Equals true) collapse; unknowns never do.
    for (const Value &e : std::as_const(plain)) {
        const bool dup = std::any_of(d->elements.cbegin(), d->elements.cend(), [&](const Value &x) {
            const Value eq = x.equals(e);
            return eq.isKnown() && !eq.isNull() && eq.asBool();
        });
        if (!dup)
            d->elements.append(e);
    }
    std::stable_sort(d->elements.begin(), d->elements.end(), setElementLess);
    d->marks = marks;
    return Value(d);
}

Value Value::setEmpty(const Type &elementType)
{
    return Value(known(Type::set(elementType)));
}

Value Value::map(const QMap<QString, Value> &elements)
{
    if (elements.isEmpty())
        return mapEmpty(Type::dynamic());
    auto d = known(Type::map(commonElementType(elements.values())));
    for (auto it = elements.cbegin(); it != elements.cend(); ++it)
        d->attributes.insert(it.key().normalized(QString::NormalizationForm_C), it.value());
    d->elements = d->attributes.values();
    return Value(d);
}

Value Value::mapEmpty(const Type &elementType)
{
    return Value(known(Type::map(elementType)));
}

Value Value::tuple(const QList<Value> &elements)
{
    QList<Type> types;
    types.reserve(elements.size());
    for (const Value &e : elements)
        types.append(e.type());
    auto d = known(Type::tuple(types));
    d->elements = elements;
    return Value(d);
}

Value Value::object(const QMap<QString, Value> &attributes)
{
    // Keys arrive sorted and NFC almost never changes one (never an ASCII one).
    // While that holds, the type map is built by appending at its end (O(1) per
    // key instead of a search from the root: `var` objects have thousands of
    // attributes) and the caller's map is shared, not copied.
    std::map<QString, Type> sortedTypes;
    bool keysNormal = true;
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        if (!isTriviallyNfc(it.key())) {
            const QString key = it.key().normalized(QString::NormalizationForm_C);
            if (key.constData() != it.key().constData() && key != it.key()) {
                keysNormal = false;
                break;
            }
        }
        sortedTypes.emplace_hint(sortedTypes.end(), it.key(), it.value().type());
    }
    if (keysNormal) {
        auto d = known(Type::object(QMap<QString, Type>(std::move(sortedTypes))));
        d->attributes = attributes;
        d->elements = attributes.values();
        return Value(d);
    }
    QMap<QString, Type> types;
    QMap<QString, Value> normalized;
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        const QString key = it.key().normalized(QString::NormalizationForm_C);
        types.insert(key, it.value().type());
        normalized.insert(key, it.value());
    }
    auto d = known(Type::object(types));
    d->attributes = normalized;
    d->elements = normalized.values();
    return Value(d);
}

const Type &Value::type() const
{
    return d->type;
}

bool Value::isNull() const
{
    return d->state == Data::State::Null;
}

bool Value::isKnown() const
{
    return d->state != Data::State::Unknown;
}

bool Value::isWhollyKnown() const
{
    if (!isKnown())
        return false;
    return std::all_of(
        d->elements.cbegin(), d->elements.cend(), [](const Value &e) { return e.isWhollyKnown(); });
}

bool Value::hasNull() const
{
    if (isNull())
        return true;
    return std::any_of(
        d->elements.cbegin(), d->elements.cend(), [](const Value &e) { return e.hasNull(); });
}

const QString &Value::asString() const
{
    return d->state == Data::State::Known && d->type.kind() == Type::Kind::String ? d->string
                                                                                  : emptyString();
}

const Number &Value::asNumber() const
{
    return d->number;
}

bool Value::asBool() const
{
    return d->boolean;
}

const QList<Value> &Value::elements() const
{
    return isKnown() && !isNull() ? d->elements : emptyValues();
}

const QMap<QString, Value> &Value::attributes() const
{
    return isKnown() && !isNull() ? d->attributes : emptyAttributes();
}

qsizetype Value::length() const
{
    if (d->type.kind() == Type::Kind::Object)
        return d->type.attributeTypes().size();
    if (d->type.kind() == Type::Kind::Tuple)
        return d->type.tupleElements().size();
    return d->elements.size();
}

Value Value::attribute(const QString &name) const
{
    const auto it = d->attributes.constFind(name);
    if (it != d->attributes.cend())
        return *it;
    if (d->type.kind() == Type::Kind::Object && d->type.hasAttribute(name)) {
        // Attributes of an unknown or null object are unknown or null of their type.
        const Type t = d->type.attributeType(name);
        return isKnown() ? null(t) : unknown(t);
    }
    return Value();
}

bool Value::hasAttribute(const QString &name) const
{
    if (d->type.kind() == Type::Kind::Object)
        return d->type.hasAttribute(name);
    return d->attributes.contains(name);
}

Value Value::mark(const QString &mark) const
{
    return withMarks({mark});
}

Value Value::withMarks(const QSet<QString> &marks) const
{
    if (marks.isEmpty() || d->marks.contains(marks))
        return *this;
    auto c = std::make_shared<Data>(*d);
    c->marks.unite(marks);
    return Value(c);
}

Value Value::unmarked() const
{
    if (d->marks.isEmpty())
        return *this;
    auto c = std::make_shared<Data>(*d);
    c->marks.clear();
    return Value(c);
}

Value Value::unmarkedDeep(QSet<QString> *marksFound) const
{
    if (!containsMarked())
        return *this;
    auto c = std::make_shared<Data>(*d);
    if (marksFound)
        marksFound->unite(c->marks);
    c->marks.clear();
    for (Value &e : c->elements)
        e = e.unmarkedDeep(marksFound);
    for (auto it = c->attributes.begin(); it != c->attributes.end(); ++it)
        it.value() = it.value().unmarkedDeep(nullptr); // marks already collected above
    return Value(c);
}

const QSet<QString> &Value::marks() const
{
    return d->marks.isEmpty() ? emptyMarks() : d->marks;
}

bool Value::isMarked() const
{
    return !d->marks.isEmpty();
}

bool Value::containsMarked() const
{
    if (isMarked())
        return true;
    return std::any_of(d->elements.cbegin(), d->elements.cend(),
        [](const Value &e) { return e.containsMarked(); });
}

} // namespace kiln::hcl
