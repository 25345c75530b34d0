#include "engine/registry/Field.h"

#include "engine/registry/ConfigSchema.h"

namespace kiln::registry {

Field Field::named(const QString &key, FieldType type)
{
    Field f;
    f.m_key = key;
    f.m_type = type;
    return f;
}

Field Field::elementOf(FieldType type)
{
    return named(QString(), type);
}

Field Field::string(const QString &key)
{
    return named(key, FieldType::String);
}

Field Field::number(const QString &key)
{
    return named(key, FieldType::Number);
}

Field Field::boolean(const QString &key)
{
    return named(key, FieldType::Bool);
}

Field Field::duration(const QString &key)
{
    return named(key, FieldType::Duration);
}

Field Field::path(const QString &key, PathKind kind)
{
    Field f = named(key, FieldType::Path);
    f.m_pathKind = kind;
    return f;
}

Field Field::enumeration(const QString &key, const QStringList &values)
{
    Field f = named(key, FieldType::Enum);
    f.m_enumValues = values;
    return f;
}

Field Field::list(const QString &key, const Field &element)
{
    Field f = named(key, FieldType::List);
    f.m_element = std::make_shared<const Field>(element);
    return f;
}

Field Field::map(const QString &key, const Field &element)
{
    Field f = named(key, FieldType::Map);
    f.m_element = std::make_shared<const Field>(element);
    return f;
}

Field Field::block(const QString &key, const ConfigSchema &nested, bool repeatable)
{
    Field f = named(key, FieldType::Block);
    f.m_nested = std::make_shared<const ConfigSchema>(nested);
    f.m_repeatable = repeatable;
    return f;
}

Field Field::any(const QString &key)
{
    return named(key, FieldType::Any);
}

Field &Field::markRequired(bool required)
{
    m_required = required;
    return *this;
}

Field &Field::withDefault(const QString &defaultText)
{
    m_default = defaultText;
    return *this;
}

Field &Field::withHelp(const QString &help)
{
    m_help = help;
    return *this;
}

Field &Field::withValues(const QStringList &enumValues)
{
    m_enumValues = enumValues;
    return *this;
}

Field &Field::markSensitive(bool sensitive)
{
    m_sensitive = sensitive;
    return *this;
}

Field &Field::markDeprecated(bool deprecated)
{
    m_deprecated = deprecated;
    return *this;
}

Field &Field::markLegacyOnly(bool legacyOnly)
{
    m_legacyOnly = legacyOnly;
    return *this;
}

FieldType Field::elementType() const
{
    return m_element ? m_element->type() : FieldType::Any;
}

QString Field::typeExpression() const
{
    switch (m_type) {
    case FieldType::String:
    case FieldType::Duration:
    case FieldType::Path:
    case FieldType::Enum:
        return QStringLiteral("string");
    case FieldType::Number:
        return QStringLiteral("number");
    case FieldType::Bool:
        return QStringLiteral("bool");
    case FieldType::List:
        return QStringLiteral("list(%1)")
            .arg(m_element ? m_element->typeExpression() : QStringLiteral("any"));
    case FieldType::Map:
        return QStringLiteral("map(%1)").arg(
            m_element ? m_element->typeExpression() : QStringLiteral("any"));
    case FieldType::Block:
        return QStringLiteral("block");
    case FieldType::Any:
        return QStringLiteral("any");
    }
    return {};
}

QString fieldTypeName(FieldType type)
{
    switch (type) {
    case FieldType::String:
        return QStringLiteral("string");
    case FieldType::Number:
        return QStringLiteral("number");
    case FieldType::Bool:
        return QStringLiteral("bool");
    case FieldType::Duration:
        return QStringLiteral("duration");
    case FieldType::Path:
        return QStringLiteral("path");
    case FieldType::Enum:
        return QStringLiteral("enum");
    case FieldType::List:
        return QStringLiteral("list");
    case FieldType::Map:
        return QStringLiteral("map");
    case FieldType::Block:
        return QStringLiteral("block");
    case FieldType::Any:
        return QStringLiteral("any");
    }
    return {};
}

} // namespace kiln::registry
