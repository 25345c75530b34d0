#include "engine/build/ComponentConfig.h"

#include "engine/template/GoDuration.h"

namespace kiln::build {

using hcl::Value;

namespace {

// Scalars print as Packer's weakly-typed decode would read them: numbers and bools
// are accepted where a string is expected ("22" for ssh_port written as 22).
QString scalarText(const Value &v)
{
    if (v.isNull() || !v.isKnown())
        return {};
    const auto &t = v.type();
    if (t == hcl::Type::string())
        return v.asString();
    if (t == hcl::Type::boolean())
        return v.asBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (t == hcl::Type::number())
        return v.debugString();
    return {};
}

} // namespace

ComponentConfig::ComponentConfig(Value object, QHash<QString, hcl::SourceRange> ranges)
    : m_object(std::move(object))
    , m_ranges(std::move(ranges))
{
    if (m_object.isNull() || !m_object.type().isMapLike())
        m_object = Value::emptyObject();
}

bool ComponentConfig::has(const QString &key) const
{
    if (!m_object.hasAttribute(key))
        return false;
    const Value v = m_object.attribute(key);
    return !v.isNull() && v.isKnown();
}

Value ComponentConfig::value(const QString &key) const
{
    return m_object.hasAttribute(key) ? m_object.attribute(key) : Value::dynamicNull();
}

QStringList ComponentConfig::keys() const
{
    QStringList out;
    for (auto it = m_object.attributes().cbegin(); it != m_object.attributes().cend(); ++it)
        if (!it.value().isNull())
            out << it.key();
    return out;
}

QString ComponentConfig::string(const QString &key, const QString &fallback) const
{
    return has(key) ? scalarText(value(key)) : fallback;
}

bool ComponentConfig::boolean(const QString &key, bool fallback) const
{
    return optionalBoolean(key).value_or(fallback);
}

std::optional<bool> ComponentConfig::optionalBoolean(const QString &key) const
{
    if (!has(key))
        return std::nullopt;
    const Value v = value(key);
    if (v.type() == hcl::Type::boolean())
        return v.asBool();
    const QString s = scalarText(v);
    if (s == QLatin1String("true") || s == QLatin1String("1"))
        return true;
    if (s == QLatin1String("false") || s == QLatin1String("0"))
        return false;
    return std::nullopt;
}

qint64 ComponentConfig::integer(const QString &key, qint64 fallback) const
{
    if (!has(key))
        return fallback;
    const Value v = value(key);
    if (v.type() == hcl::Type::number())
        return v.asNumber().toInt64().value_or(qint64(v.asNumber().toDouble()));
    bool ok = false;
    const qint64 n = scalarText(v).toLongLong(&ok);
    return ok ? n : fallback;
}

double ComponentConfig::number(const QString &key, double fallback) const
{
    if (!has(key))
        return fallback;
    const Value v = value(key);
    if (v.type() == hcl::Type::number())
        return v.asNumber().toDouble();
    bool ok = false;
    const double d = scalarText(v).toDouble(&ok);
    return ok ? d : fallback;
}

std::optional<qint64> ComponentConfig::durationMs(const QString &key, qint64 fallbackMs, QString *error) const
{
    if (!has(key))
        return fallbackMs;
    const QString text = string(key);
    if (text.isEmpty())
        return fallbackMs;
    return tmpl::parseGoDuration(text, error);
}

QStringList ComponentConfig::stringList(const QString &key) const
{
    QStringList out;
    if (!has(key))
        return out;
    const Value v = value(key);
    if (v.type().isListLike()) {
        for (const Value &e : v.elements())
            out << scalarText(e);
    } else if (v.type().isPrimitive()) {
        out << scalarText(v);
    }
    return out;
}

QMap<QString, QString> ComponentConfig::stringMap(const QString &key) const
{
    QMap<QString, QString> out;
    if (!has(key))
        return out;
    const Value v = value(key);
    if (!v.type().isMapLike())
        return out;
    for (auto it = v.attributes().cbegin(); it != v.attributes().cend(); ++it)
        out.insert(it.key(), scalarText(it.value()));
    return out;
}

QList<ComponentConfig> ComponentConfig::blocks(const QString &key) const
{
    QList<ComponentConfig> out;
    if (!has(key))
        return out;
    const Value v = value(key);
    auto make = [this](const Value &obj) {
        ComponentConfig c(obj);
        c.interpolation = interpolation;
        return c;
    };
    if (v.type().isListLike()) {
        for (const Value &e : v.elements())
            out << make(e);
    } else if (v.type().isMapLike()) {
        out << make(v);
    }
    return out;
}

} // namespace kiln::build
