#pragma once

#include "engine/registry/FieldType.h"

#include <QString>
#include <QStringList>
#include <memory>

namespace kiln::registry {

class ConfigSchema;

// One configuration key of a component, described as data: the loader validates against it,
// the inspector builds its editor from it, completion and `inspect` read it.
//
// Built with a factory plus chained setters, e.g.
//     Field::string("image").markRequired().withHelp("The base image for the container.")
// A Field is a value type; nested schemas and element types are shared, immutable parts.
class Field
{
public:
    Field() = default;

    static Field string(const QString &key);
    static Field number(const QString &key);
    static Field boolean(const QString &key);
    static Field duration(const QString &key);
    static Field path(const QString &key, PathKind kind);
    static Field enumeration(const QString &key, const QStringList &values);
    // `element` describes the list's (map's) elements; its key is ignored. Use elementOf()
    // to make one: Field::list("changes", Field::elementOf(FieldType::String)).
    static Field list(const QString &key, const Field &element);
    static Field map(const QString &key, const Field &element);
    // A nested block; `repeatable` blocks may appear several times (hcldec BlockListSpec),
    // the others at most once (BlockSpec).
    static Field block(const QString &key, const ConfigSchema &nested, bool repeatable);
    static Field any(const QString &key);
    // An anonymous field of a scalar or Any type, for use as a list or map element.
    static Field elementOf(FieldType type);

    // Chainable setters.
    Field &markRequired(bool required = true);
    Field &withDefault(const QString &defaultText);
    Field &withHelp(const QString &help);
    Field &withValues(const QStringList &enumValues);
    Field &markSensitive(bool sensitive = true);
    Field &markDeprecated(bool deprecated = true);
    // A key only legacy JSON templates may set: the plugin's HCL2 spec skips it
    // (mapstructure-to-hcl2:",skip"), as chef-solo's `json` object. HCL2 bodies treat it
    // as unknown.
    Field &markLegacyOnly(bool legacyOnly = true);

    const QString &key() const { return m_key; }
    FieldType type() const { return m_type; }
    bool isRequired() const { return m_required; }
    // The default as Packer documents it ("5m", "qcow2", "22"); empty when there is none
    // or it is computed. Meant for placeholders, not for evaluation.
    const QString &defaultText() const { return m_default; }
    const QString &help() const { return m_help; }
    // Allowed values for Enum fields (and for Enum list/map elements via element()).
    const QStringList &enumValues() const { return m_enumValues; }
    bool isSensitive() const { return m_sensitive; }
    bool isDeprecated() const { return m_deprecated; }
    bool isLegacyOnly() const { return m_legacyOnly; }
    PathKind pathKind() const { return m_pathKind; }

    // List and Map: the element description; null for other types.
    const Field *element() const { return m_element.get(); }
    // Convenience: element()->type(), or Any when there is no element.
    FieldType elementType() const;

    // Block: the nested schema; null for other types.
    const ConfigSchema *nested() const { return m_nested.get(); }
    bool isRepeatable() const { return m_repeatable; }
    bool isBlock() const { return m_type == FieldType::Block; }

    // The value's type in HCL type-expression syntax as the plugin's hcldec spec declares it:
    // "string" (also for Duration, Path, Enum), "number", "bool", "list(string)",
    // "map(string)", "list(list(string))", "any". Blocks have no value type: "block".
    QString typeExpression() const;

private:
    static Field named(const QString &key, FieldType type);

    QString m_key;
    FieldType m_type = FieldType::String;
    bool m_required = false;
    bool m_sensitive = false;
    bool m_deprecated = false;
    bool m_legacyOnly = false;
    bool m_repeatable = false;
    PathKind m_pathKind = PathKind::FileOrDirectory;
    QString m_default;
    QString m_help;
    QStringList m_enumValues;
    std::shared_ptr<const Field> m_element;
    std::shared_ptr<const ConfigSchema> m_nested;
};

} // namespace kiln::registry
