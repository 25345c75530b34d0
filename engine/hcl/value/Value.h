#pragma once

#include "engine/hcl/value/Number.h"
#include "engine/hcl/value/Type.h"

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <memory>

namespace kiln::hcl {

// A cty value: a type plus, unless null or unknown, a payload. Immutable and cheap
// to copy (shared payload). Values may carry marks; the mark "sensitive" is how a
// sensitive variable's value is tracked through every expression that uses it.
//
// Conventions follow cty: list/set/map elements all have the same type; a set is
// kept de-duplicated and in cty's set order; map and object keys iterate sorted.
class Value
{
public:
    Value(); // null of Dynamic type

    // --- construction
    static Value null(const Type &t);
    static Value unknown(const Type &t); // an unknown value of type t (Dynamic allowed)
    static Value dynamicNull() { return null(Type::dynamic()); }
    static Value dynamicUnknown() { return unknown(Type::dynamic()); }
    static Value string(const QString &s); // normalised to NFC as cty does
    static Value number(const Number &n);
    static Value number(qint64 n) { return number(Number::fromInt(n)); }
    static Value boolean(bool b);
    static Value trueValue() { return boolean(true); }
    static Value falseValue() { return boolean(false); }
    // Non-empty collections: all elements must share one type (caller converts first).
    static Value list(const QList<Value> &elements);
    static Value listEmpty(const Type &elementType);
    static Value set(const QList<Value> &elements); // de-duplicates
    static Value setEmpty(const Type &elementType);
    static Value map(const QMap<QString, Value> &elements);
    static Value mapEmpty(const Type &elementType);
    static Value tuple(const QList<Value> &elements);
    static Value emptyTuple() { return tuple({}); }
    static Value object(const QMap<QString, Value> &attributes);
    static Value emptyObject() { return object({}); }

    // --- inspection
    const Type &type() const;
    bool isNull() const;
    bool isKnown() const;
    bool isWhollyKnown() const; // known, and every nested element known
    bool hasNull() const; // is null or contains a null element anywhere

    const QString &asString() const; // String
    const Number &asNumber() const; // Number
    bool asBool() const; // Bool
    // List, set, tuple: elements in order. Map, object: values in key order.
    const QList<Value> &elements() const;
    // Map and object: key → value (sorted keys).
    const QMap<QString, Value> &attributes() const;
    // Elements (list/set/tuple/map) or attributes (object): cty's LengthInt.
    qsizetype length() const;
    // Object attribute or map element; null Value if absent.
    Value attribute(const QString &name) const;
    bool hasAttribute(const QString &name) const;

    // --- comparison
    // cty RawEquals: same type, same marks, same payload (unknowns equal if same type).
    bool rawEquals(const Value &other) const;
    // cty Equals as the `==` operator: returns a Bool value, unknown if either side is unknown.
    Value equals(const Value &other) const;

    // --- marks
    Value mark(const QString &mark) const;
    Value withMarks(const QSet<QString> &marks) const;
    Value unmarked() const; // shallow: removes marks of this value only
    Value unmarkedDeep(QSet<QString> *marksFound = nullptr) const; // removes marks everywhere
    const QSet<QString> &marks() const;
    bool isMarked() const;
    bool containsMarked() const; // this or any nested value is marked
    bool isSensitive() const { return marks().contains(sensitiveMark()); }
    static QString sensitiveMark() { return QStringLiteral("sensitive"); }

    // A short, human-readable rendering for messages and `kiln console`,
    // matching Packer's console output ("foo" is printed as "foo", lists as [...]).
    QString debugString() const;

    struct Data;

private:
    explicit Value(std::shared_ptr<const Data> d);
    std::shared_ptr<const Data> d;
};

} // namespace kiln::hcl
