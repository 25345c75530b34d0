#pragma once

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <memory>

namespace kiln::hcl {

// A cty type: immutable, cheap to copy (shared), compared structurally.
// `Dynamic` is cty.DynamicPseudoType: "any type", used for unknown-typed values
// and as a type-constraint placeholder (`any`).
class Type
{
public:
    enum class Kind { Dynamic, String, Number, Bool, List, Set, Map, Tuple, Object };

    Type(); // Dynamic
    static Type dynamic();
    static Type string();
    static Type number();
    static Type boolean();
    static Type list(const Type &element);
    static Type set(const Type &element);
    static Type map(const Type &element);
    static Type tuple(const QList<Type> &elements);
    // Attribute names are kept sorted, as cty does. `optional` names the attributes
    // that a type constraint marks optional(...) (only meaningful for constraints).
    static Type object(const QMap<QString, Type> &attributes, const QSet<QString> &optional = {});

    Kind kind() const;
    bool isDynamic() const { return kind() == Kind::Dynamic; }
    bool isPrimitive() const; // string, number, bool
    bool isCollection() const; // list, set, map
    bool isStructural() const; // tuple, object
    bool isListLike() const { return kind() == Kind::List || kind() == Kind::Set || kind() == Kind::Tuple; }
    bool isMapLike() const { return kind() == Kind::Map || kind() == Kind::Object; }

    // Element type of list, set, map.
    Type elementType() const;
    // Element types of a tuple.
    const QList<Type> &tupleElements() const;
    // Attribute types of an object, sorted by name.
    const QMap<QString, Type> &attributeTypes() const;
    bool hasAttribute(const QString &name) const;
    Type attributeType(const QString &name) const;
    const QSet<QString> &optionalAttributes() const;

    // True if the type contains Dynamic anywhere.
    bool hasDynamicTypes() const;
    // (Addition) cty's WithoutOptionalAttributesDeep: the same type with every
    // object's optional-attribute markers dropped, as conversion results carry.
    Type withoutOptionalAttributesDeep() const;

    // cty's FriendlyName: "string", "list of string", "map of number", "object", "tuple", "dynamic".
    QString friendlyName() const;
    // cty's FriendlyNameForConstraint: as friendlyName but Dynamic reads "any type".
    QString friendlyNameForConstraint() const;
    // HCL type-expression syntax: string, list(string), object({a=string}), tuple([...]), any.
    QString typeExpression() const;

    bool equals(const Type &other) const;
    friend bool operator==(const Type &a, const Type &b) { return a.equals(b); }
    friend bool operator!=(const Type &a, const Type &b) { return !a.equals(b); }

    struct Data;

private:
    explicit Type(std::shared_ptr<const Data> d);
    std::shared_ptr<const Data> d;
};

} // namespace kiln::hcl
