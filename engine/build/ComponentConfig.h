#pragma once

#include "engine/hcl/SourceRange.h"
#include "engine/hcl/value/Value.h"
#include "engine/template/legacy/InterpolateContext.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace kiln::build {

// A component's configuration, decoded against its ConfigSchema: one value per key the
// template sets (already converted to the field's type), where each was written, and what
// its `{{ }}` strings can see. What a component's prepare() reads; Packer's decoded config
// struct.
//
// Values are unmarked: sensitivity has been recorded in the build's SecretFilter.
class ComponentConfig
{
public:
    ComponentConfig() = default;
    ComponentConfig(hcl::Value object, QHash<QString, hcl::SourceRange> ranges = {});

    // The template sets the key to a non-null value.
    bool has(const QString &key) const;
    hcl::Value value(const QString &key) const;
    QStringList keys() const;
    const hcl::Value &object() const { return m_object; }
    // Where the key's value is written; an invalid range when it is not set.
    hcl::SourceRange range(const QString &key) const { return m_ranges.value(key); }

    QString string(const QString &key, const QString &fallback = {}) const;
    bool boolean(const QString &key, bool fallback = false) const;
    std::optional<bool> optionalBoolean(const QString &key) const;
    qint64 integer(const QString &key, qint64 fallback = 0) const;
    double number(const QString &key, double fallback = 0) const;
    // A Go duration string ("5m", "1h30m") in milliseconds. An unset key gives `fallbackMs`;
    // a malformed one gives nullopt and Go's message in *error.
    std::optional<qint64> durationMs(const QString &key, qint64 fallbackMs, QString *error = nullptr) const;
    QStringList stringList(const QString &key) const;
    // A map(string) in key order.
    QMap<QString, QString> stringMap(const QString &key) const;
    // Nested blocks of a Block field (one for a single block, in order for repeatable ones).
    QList<ComponentConfig> blocks(const QString &key) const;

    // For `{{ }}` strings the component renders itself (execute_command, {{ build `Host` }}):
    // build name and type, user variables (legacy templates), template path.
    tmpl::legacy::InterpolateContext interpolation;

private:
    hcl::Value m_object = hcl::Value::emptyObject();
    QHash<QString, hcl::SourceRange> m_ranges;
};

} // namespace kiln::build
