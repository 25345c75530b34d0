#include "engine/hcl/json/JsonValue.h"

#include <cmath>
#include <limits>

namespace kiln::hcl::json {

JsonValue JsonValue::makeInvalid(SourceRange range)
{
    JsonValue v;
    v.m_range = std::move(range);
    return v;
}

JsonValue JsonValue::makeNull(SourceRange range)
{
    JsonValue v;
    v.m_kind = Kind::Null;
    v.m_range = std::move(range);
    return v;
}

JsonValue JsonValue::makeBool(bool value, SourceRange range)
{
    JsonValue v;
    v.m_kind = Kind::Bool;
    v.m_bool = value;
    v.m_range = std::move(range);
    return v;
}

JsonValue JsonValue::makeNumber(QString sourceText, SourceRange range)
{
    JsonValue v;
    v.m_kind = Kind::Number;
    v.m_text = std::move(sourceText);
    v.m_range = std::move(range);
    return v;
}

JsonValue JsonValue::makeString(QString value, SourceRange range)
{
    JsonValue v;
    v.m_kind = Kind::String;
    v.m_text = std::move(value);
    v.m_range = std::move(range);
    return v;
}

JsonValue JsonValue::makeArray(std::vector<JsonValue> elements, SourceRange range)
{
    JsonValue v;
    v.m_kind = Kind::Array;
    v.m_elements = std::move(elements);
    v.m_range = std::move(range);
    return v;
}

JsonValue JsonValue::makeObject(std::vector<JsonMember> members, SourceRange range)
{
    JsonValue v;
    v.m_kind = Kind::Object;
    v.m_members = std::move(members);
    v.m_range = std::move(range);
    return v;
}

// Brackets are single ASCII bytes, so both ranges follow from the value's range.
SourceRange JsonValue::openRange() const
{
    SourceRange r = m_range;
    r.end = r.start;
    r.end.byte += 1;
    r.end.column += 1;
    return r;
}

SourceRange JsonValue::closeRange() const
{
    SourceRange r = m_range;
    r.start = r.end;
    r.start.byte -= 1;
    r.start.column -= 1;
    return r;
}

double JsonValue::toDouble(bool *ok) const
{
    bool converted = false;
    const double d = m_kind == Kind::Number ? m_text.toDouble(&converted) : 0.0;
    if (ok)
        *ok = converted;
    return d;
}

qint64 JsonValue::toInt64(bool *ok) const
{
    if (ok)
        *ok = false;
    if (m_kind != Kind::Number)
        return 0;
    bool converted = false;
    const qint64 direct = m_text.toLongLong(&converted);
    if (converted) {
        if (ok)
            *ok = true;
        return direct;
    }
    // "1e3" and "2.0" are whole numbers too.
    const double d = m_text.toDouble(&converted);
    if (!converted || std::trunc(d) != d || d < -9.2233720368547758e18 || d >= 9.2233720368547758e18)
        return 0;
    if (ok)
        *ok = true;
    return static_cast<qint64>(d);
}

const JsonMember *JsonValue::first(QStringView key) const
{
    for (const JsonMember &m : m_members)
        if (m.key == key)
            return &m;
    return nullptr;
}

const JsonMember *JsonValue::last(QStringView key) const
{
    for (auto it = m_members.rbegin(); it != m_members.rend(); ++it)
        if (it->key == key)
            return &*it;
    return nullptr;
}

const JsonValue *JsonValue::get(QStringView key) const
{
    const JsonMember *m = last(key);
    return m ? &m->value : nullptr;
}

QString JsonValue::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Invalid:
        return QStringLiteral("invalid");
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Bool:
        return QStringLiteral("bool");
    case Kind::Number:
        return QStringLiteral("number");
    case Kind::String:
        return QStringLiteral("string");
    case Kind::Array:
        return QStringLiteral("array");
    case Kind::Object:
        return QStringLiteral("object");
    }
    return {};
}

} // namespace kiln::hcl::json
