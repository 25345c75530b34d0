#pragma once

#include "engine/registry/ExclusiveGroup.h"
#include "engine/registry/Field.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace kiln::registry {

// The configuration a component accepts: its fields in the order Packer's plugin declares
// them (which is the order documentation and the inspector show), plus the groups of
// mutually exclusive keys the plugin enforces.
//
// Immutable once registered; all const members are safe to call from any thread.
class ConfigSchema
{
public:
    using const_iterator = QList<Field>::const_iterator;

    // Appends a field. A key that is already present is still appended (so that a schema
    // author's mistake stays visible through duplicateKeys()); lookups find the first.
    ConfigSchema &add(const Field &field);
    // Appends every field and exclusive group of `other` (shared parts such as the
    // communicator or the HTTP server settings).
    ConfigSchema &add(const ConfigSchema &other);
    // Replaces the field with the same key in place; appends it if there is none.
    ConfigSchema &replace(const Field &field);
    // Removes the field with this key and drops it from exclusive groups; no-op if absent.
    ConfigSchema &remove(const QString &key);
    ConfigSchema &addExclusiveGroup(const ExclusiveGroup &group);
    ConfigSchema &exactlyOneOf(const QStringList &keys, const QString &missingMessage = {},
        const QString &conflictMessage = {});
    ConfigSchema &atMostOneOf(const QStringList &keys, const QString &conflictMessage = {});

    // Field lookup by exact key; null when unknown.
    const Field *field(const QString &key) const;
    bool contains(const QString &key) const { return m_index.contains(key); }
    // The nested schema of a Block field; null if `key` is unknown or not a block.
    const ConfigSchema *nested(const QString &key) const;

    const QList<Field> &fields() const { return m_fields; }
    const_iterator begin() const { return m_fields.cbegin(); }
    const_iterator end() const { return m_fields.cend(); }
    qsizetype size() const { return m_fields.size(); }
    bool isEmpty() const { return m_fields.isEmpty(); }

    // Keys in declaration order.
    QStringList keys() const;
    QStringList requiredKeys() const;
    // Keys declared more than once (always empty for a well-formed schema).
    QStringList duplicateKeys() const;

    const QList<ExclusiveGroup> &exclusiveGroups() const { return m_groups; }
    // The groups that mention `key`.
    QList<ExclusiveGroup> exclusiveGroupsOf(const QString &key) const;

    // Did-you-mean for an unknown key: the first key (in declaration order) within Packer's
    // edit-distance threshold, or empty.
    QString suggest(const QString &unknownKey) const;

private:
    void reindex();

    QList<Field> m_fields;
    QHash<QString, qsizetype> m_index; // key -> position of its first occurrence
    QList<ExclusiveGroup> m_groups;
};

} // namespace kiln::registry
