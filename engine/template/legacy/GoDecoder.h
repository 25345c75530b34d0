#pragma once

#include "engine/hcl/SourceRange.h"
#include "engine/hcl/json/JsonValue.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kiln::tmpl::legacy {

// Decodes JSON values into Go-typed fields the way mitchellh/mapstructure
// does for Packer's legacy template structs, so that type errors read exactly
// as Packer prints them ("'Type' expected type 'string', got unconvertible
// type 'float64', value: '5'"). `weak` is mapstructure's WeaklyTypedInput:
// numbers and bools become strings, a single value becomes a list.
// Missing (nullptr) and JSON null values leave the zero value without error.
class GoDecoder
{
public:
    struct Error
    {
        QString message;
        hcl::SourceRange range;
    };

    explicit GoDecoder(bool weak)
        : m_weak(weak)
    {
    }

    QString string(const QString &name, const hcl::json::JsonValue *v);
    QStringList stringList(const QString &name, const hcl::json::JsonValue *v);
    std::optional<bool> boolean(const QString &name, const hcl::json::JsonValue *v);
    // A time.Duration through mapstructure's StringToTimeDurationHookFunc, in ms.
    qint64 durationMs(const QString &name, const hcl::json::JsonValue *v);
    // Checks a map[string]... field; true when v is an object (or absent).
    bool map(const QString &name, const hcl::json::JsonValue *v);
    // Checks a []interface{} field; true when v is an array (or absent).
    bool slice(const QString &name, const hcl::json::JsonValue *v);

    // In mapstructure's order (it sorts the messages).
    QList<Error> errors() const;
    bool hasErrors() const { return !m_errors.isEmpty(); }

    // mapstructure finds a struct field's key exactly, else case-insensitively.
    static const hcl::json::JsonMember *field(const hcl::json::JsonValue &object, QStringView key);

    // Go's names for the dynamic type encoding/json gives a value.
    static QString goTypeName(const hcl::json::JsonValue &v);
    // fmt's %v of that Go value ("5", "[1 a]", "map[a:1]", "<nil>").
    static QString goValueString(const hcl::json::JsonValue &v);
    // strconv.FormatFloat(f, 'g'|'f', -1, 64) of a JSON number's value.
    static QString goFloat(double d, char format);

private:
    void unconvertible(const QString &name, const QString &expected, const hcl::json::JsonValue &v);

    bool m_weak;
    QList<Error> m_errors;
};

} // namespace kiln::tmpl::legacy
