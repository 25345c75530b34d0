#pragma once

#include "engine/hcl/SourceRange.h"

#include <QString>
#include <QStringView>

#include <vector>

namespace kiln::hcl::json {

struct JsonMember;

// One JSON value as written in a source file. Unlike QJsonValue it remembers
// where everything came from, keeps object members in file order including
// duplicate keys (HCL's JSON syntax gives duplicates a meaning: repeated
// blocks), and keeps numbers as their exact source text so that callers can
// convert them at whatever precision they need.
class JsonValue
{
public:
    // Invalid stands for a value that could not be parsed; it only appears
    // when the parser reported an error.
    enum class Kind { Invalid, Null, Bool, Number, String, Array, Object };

    JsonValue() = default;
    static JsonValue makeInvalid(SourceRange range);
    static JsonValue makeNull(SourceRange range);
    static JsonValue makeBool(bool value, SourceRange range);
    static JsonValue makeNumber(QString sourceText, SourceRange range);
    static JsonValue makeString(QString value, SourceRange range);
    static JsonValue makeArray(std::vector<JsonValue> elements, SourceRange range);
    static JsonValue makeObject(std::vector<JsonMember> members, SourceRange range);

    Kind kind() const { return m_kind; }
    bool isInvalid() const { return m_kind == Kind::Invalid; }
    bool isNull() const { return m_kind == Kind::Null; }
    bool isBool() const { return m_kind == Kind::Bool; }
    bool isNumber() const { return m_kind == Kind::Number; }
    bool isString() const { return m_kind == Kind::String; }
    bool isArray() const { return m_kind == Kind::Array; }
    bool isObject() const { return m_kind == Kind::Object; }

    // The whole value; for arrays and objects from the opening to the
    // closing bracket inclusive.
    const SourceRange &range() const { return m_range; }
    // For arrays and objects: the range of the opening and closing bracket.
    SourceRange openRange() const;
    SourceRange closeRange() const;

    bool boolValue() const { return m_bool; }
    // The decoded string (escapes resolved) for strings, the exact source
    // text for numbers ("1.50e3" stays "1.50e3"), empty otherwise.
    const QString &text() const { return m_text; }
    // Convenience conversions of a number; ok is false when the text does
    // not fit the type (fraction or out of range for toInt64).
    double toDouble(bool *ok = nullptr) const;
    qint64 toInt64(bool *ok = nullptr) const;

    const std::vector<JsonValue> &elements() const { return m_elements; }
    const std::vector<JsonMember> &members() const { return m_members; }

    // Object lookup. Duplicates: first() returns the first occurrence and
    // last() the last one (encoding/json, and so legacy Packer, keeps the last).
    const JsonMember *first(QStringView key) const;
    const JsonMember *last(QStringView key) const;
    // The value of last(key) or nullptr.
    const JsonValue *get(QStringView key) const;

    // A short human name of the kind, as used in messages ("string", "object"...).
    static QString kindName(Kind kind);

private:
    Kind m_kind = Kind::Invalid;
    bool m_bool = false;
    SourceRange m_range;
    QString m_text;
    std::vector<JsonValue> m_elements;
    std::vector<JsonMember> m_members;
};

// One "key": value pair of an object, with where the key was written (the
// range includes the quotes, as HCL's NameRange).
struct JsonMember
{
    QString key;
    SourceRange keyRange;
    JsonValue value;
};

} // namespace kiln::hcl::json
