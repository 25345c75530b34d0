#include "engine/registry/ConfigSchema.h"

#include "engine/registry/DidYouMean.h"

#include <QSet>

namespace kiln::registry {

ConfigSchema &ConfigSchema::add(const Field &field)
{
    if (!m_index.contains(field.key()))
        m_index.insert(field.key(), m_fields.size());
    m_fields.append(field);
    return *this;
}

ConfigSchema &ConfigSchema::add(const ConfigSchema &other)
{
    for (const Field &f : other.m_fields)
        add(f);
    for (const ExclusiveGroup &g : other.m_groups)
        m_groups.append(g);
    return *this;
}

ConfigSchema &ConfigSchema::replace(const Field &field)
{
    const auto it = m_index.constFind(field.key());
    if (it == m_index.constEnd())
        return add(field);
    m_fields[*it] = field;
    return *this;
}

ConfigSchema &ConfigSchema::remove(const QString &key)
{
    m_fields.removeIf([&](const Field &f) { return f.key() == key; });
    for (ExclusiveGroup &g : m_groups)
        g.keys.removeAll(key);
    // A group left with one key constrains nothing.
    m_groups.removeIf([](const ExclusiveGroup &g) { return g.keys.size() < 2; });
    reindex();
    return *this;
}

ConfigSchema &ConfigSchema::addExclusiveGroup(const ExclusiveGroup &group)
{
    m_groups.append(group);
    return *this;
}

ConfigSchema &ConfigSchema::exactlyOneOf(
    const QStringList &keys, const QString &missingMessage, const QString &conflictMessage)
{
    return addExclusiveGroup(
        {keys, ExclusiveGroup::Rule::ExactlyOne, missingMessage, conflictMessage});
}

ConfigSchema &ConfigSchema::atMostOneOf(const QStringList &keys, const QString &conflictMessage)
{
    return addExclusiveGroup({keys, ExclusiveGroup::Rule::AtMostOne, QString(), conflictMessage});
}

const Field *ConfigSchema::field(const QString &key) const
{
    const auto it = m_index.constFind(key);
    return it == m_index.constEnd() ? nullptr : &m_fields[*it];
}

const ConfigSchema *ConfigSchema::nested(const QString &key) const
{
    const Field *f = field(key);
    return f ? f->nested() : nullptr;
}

QStringList ConfigSchema::keys() const
{
    QStringList out;
    out.reserve(m_fields.size());
    for (const Field &f : m_fields)
        out.append(f.key());
    return out;
}

QStringList ConfigSchema::requiredKeys() const
{
    QStringList out;
    for (const Field &f : m_fields) {
        if (f.isRequired())
            out.append(f.key());
    }
    return out;
}

QStringList ConfigSchema::duplicateKeys() const
{
    QSet<QString> seen;
    QStringList out;
    for (const Field &f : m_fields) {
        if (seen.contains(f.key()) && !out.contains(f.key()))
            out.append(f.key());
        seen.insert(f.key());
    }
    return out;
}

QList<ExclusiveGroup> ConfigSchema::exclusiveGroupsOf(const QString &key) const
{
    QList<ExclusiveGroup> out;
    for (const ExclusiveGroup &g : m_groups) {
        if (g.contains(key))
            out.append(g);
    }
    return out;
}

QString ConfigSchema::suggest(const QString &unknownKey) const
{
    return nameSuggestion(unknownKey, keys());
}

void ConfigSchema::reindex()
{
    m_index.clear();
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        if (!m_index.contains(m_fields[i].key()))
            m_index.insert(m_fields[i].key(), i);
    }
}

} // namespace kiln::registry
