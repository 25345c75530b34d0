#include "engine/template/legacy/GoDecoder.h"

#include "engine/template/GoDuration.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace kiln::tmpl::legacy {

using hcl::json::JsonMember;
using hcl::json::JsonValue;

namespace {

// Shortest round-trip digits and decimal exponent of d (d = 0.DIGITS * 10^point).
void shortestDigits(double d, QByteArray &digits, int &point)
{
    // Qt's 'e' with FloatingPointShortest is the shortest round-trip form.
    const QByteArray e = QByteArray::number(std::fabs(d), 'e', QLocale::FloatingPointShortest);
    const qsizetype ePos = e.indexOf('e');
    digits = e.left(ePos);
    digits.replace(".", "");
    point = e.mid(ePos + 1).toInt() + 1;
    while (digits.size() > 1 && digits.endsWith('0'))
        digits.chop(1);
}

} // namespace

QString GoDecoder::goFloat(double d, char format)
{
    if (std::isnan(d))
        return QStringLiteral("NaN");
    if (std::isinf(d))
        return d > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    if (d == 0)
        return std::signbit(d) ? QStringLiteral("-0") : QStringLiteral("0");
    QByteArray digits;
    int point = 0;
    shortestDigits(d, digits, point);
    QByteArray out = d < 0 ? "-" : "";
    const int exp = point - 1;
    if (format == 'g' && (exp < -4 || exp >= 21)) {
        out += digits.left(1);
        if (digits.size() > 1)
            out += "." + digits.mid(1);
        out += exp < 0 ? "e-" : "e+";
        const QByteArray e = QByteArray::number(std::abs(exp));
        out += (e.size() < 2 ? "0" : "") + e;
        return QString::fromLatin1(out);
    }
    if (point <= 0) {
        out += "0." + QByteArray(-point, '0') + digits;
    } else if (point >= digits.size()) {
        out += digits + QByteArray(point - digits.size(), '0');
    } else {
        out += digits.left(point) + "." + digits.mid(point);
    }
    return QString::fromLatin1(out);
}

QString GoDecoder::goTypeName(const JsonValue &v)
{
    switch (v.kind()) {
    case JsonValue::Kind::String:
        return QStringLiteral("string");
    case JsonValue::Kind::Number:
        return QStringLiteral("float64");
    case JsonValue::Kind::Bool:
        return QStringLiteral("bool");
    case JsonValue::Kind::Array:
        return QStringLiteral("[]interface {}");
    case JsonValue::Kind::Object:
        return QStringLiteral("map[string]interface {}");
    default:
        return QStringLiteral("<nil>");
    }
}

QString GoDecoder::goValueString(const JsonValue &v)
{
    switch (v.kind()) {
    case JsonValue::Kind::String:
        return v.text();
    case JsonValue::Kind::Number:
        return goFloat(v.toDouble(), 'g');
    case JsonValue::Kind::Bool:
        return v.boolValue() ? QStringLiteral("true") : QStringLiteral("false");
    case JsonValue::Kind::Array: {
        QStringList parts;
        for (const JsonValue &e : v.elements())
            parts << goValueString(e);
        return QLatin1Char('[') + parts.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    case JsonValue::Kind::Object: {
        // fmt prints maps sorted by key; a Go map holds the last duplicate.
        QList<std::pair<QString, QString>> entries;
        for (const JsonMember &m : v.members())
            if (v.last(m.key) == &m)
                entries.append({m.key, goValueString(m.value)});
        std::sort(entries.begin(), entries.end());
        QStringList parts;
        for (const auto &[k, s] : entries)
            parts << k + QLatin1Char(':') + s;
        return QStringLiteral("map[") + parts.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    default:
        return QStringLiteral("<nil>");
    }
}

const JsonMember *GoDecoder::field(const JsonValue &object, QStringView key)
{
    if (const JsonMember *m = object.last(key))
        return m;
    for (const JsonMember &m : object.members())
        if (m.key.compare(key, Qt::CaseInsensitive) == 0)
            return &m;
    return nullptr;
}

void GoDecoder::unconvertible(const QString &name, const QString &expected, const JsonValue &v)
{
    m_errors.append({QStringLiteral("'%1' expected type '%2', got unconvertible type '%3', value: '%4'")
                         .arg(name, expected, goTypeName(v), goValueString(v)),
                     v.range()});
}

QString GoDecoder::string(const QString &name, const JsonValue *v)
{
    if (!v || v->isNull())
        return {};
    if (v->isString())
        return v->text();
    if (m_weak && v->isBool())
        return v->boolValue() ? QStringLiteral("1") : QStringLiteral("0");
    if (m_weak && v->isNumber())
        return goFloat(v->toDouble(), 'f');
    unconvertible(name, QStringLiteral("string"), *v);
    return {};
}

QStringList GoDecoder::stringList(const QString &name, const JsonValue *v)
{
    if (!v || v->isNull())
        return {};
    if (!v->isArray()) {
        if (m_weak && !v->isObject())
            return {string(name + QStringLiteral("[0]"), v)};
        m_errors.append({QStringLiteral("'%1': source data must be an array or slice, got %2")
                             .arg(name, v->isObject() ? QStringLiteral("map") : goTypeName(*v)),
                         v->range()});
        return {};
    }
    QStringList out;
    int i = 0;
    for (const JsonValue &e : v->elements())
        out << string(QStringLiteral("%1[%2]").arg(name).arg(i++), &e);
    return out;
}

std::optional<bool> GoDecoder::boolean(const QString &name, const JsonValue *v)
{
    if (!v || v->isNull())
        return std::nullopt;
    if (v->isBool())
        return v->boolValue();
    if (m_weak && v->isNumber())
        return v->toDouble() != 0;
    if (m_weak && v->isString()) {
        const QString s = v->text();
        for (const char *t : {"1", "t", "T", "true", "TRUE", "True"})
            if (s == QLatin1String(t))
                return true;
        for (const char *f : {"0", "f", "F", "false", "FALSE", "False", ""})
            if (s == QLatin1String(f))
                return false;
        m_errors.append({QStringLiteral("cannot parse '%1' as bool: strconv.ParseBool: parsing \"%2\": "
                                        "invalid syntax")
                             .arg(name, s),
                         v->range()});
        return std::nullopt;
    }
    unconvertible(name, QStringLiteral("bool"), *v);
    return std::nullopt;
}

qint64 GoDecoder::durationMs(const QString &name, const JsonValue *v)
{
    if (!v || v->isNull())
        return 0;
    if (v->isString()) {
        QString error;
        const std::optional<qint64> ms = parseGoDuration(v->text(), &error);
        if (!ms) {
            m_errors.append({QStringLiteral("error decoding '%1': %2").arg(name, error), v->range()});
            return 0;
        }
        return *ms;
    }
    // A number is a count of nanoseconds (time.Duration is an int64).
    if (v->isNumber())
        return qint64(v->toDouble()) / 1000000;
    if (m_weak && v->isBool())
        return 0;
    unconvertible(name, QStringLiteral("time.Duration"), *v);
    return 0;
}

bool GoDecoder::map(const QString &name, const JsonValue *v)
{
    if (!v || v->isNull() || v->isObject())
        return true;
    // Weakly typed input turns an empty array into an empty map.
    if (m_weak && v->isArray() && v->elements().empty())
        return true;
    m_errors.append({QStringLiteral("'%1' expected a map, got '%2'")
                         .arg(name, v->isArray() ? QStringLiteral("slice") : goTypeName(*v)),
                     v->range()});
    return false;
}

bool GoDecoder::slice(const QString &name, const JsonValue *v)
{
    if (!v || v->isNull() || v->isArray())
        return true;
    m_errors.append({QStringLiteral("'%1': source data must be an array or slice, got %2")
                         .arg(name, v->isObject() ? QStringLiteral("map") : goTypeName(*v)),
                     v->range()});
    return false;
}

QList<GoDecoder::Error> GoDecoder::errors() const
{
    QList<Error> sorted = m_errors;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Error &a, const Error &b) { return a.message < b.message; });
    return sorted;
}

} // namespace kiln::tmpl::legacy
