#include "engine/hcl/value/Type.h"

#include <QRegularExpression>

namespace kiln::hcl {

struct Type::Data
{
    Kind kind = Kind::Dynamic;
    // List, set, map: the single element type.
    std::shared_ptr<const Data> element;
    QList<Type> tupleElements;
    QMap<QString, Type> attributes;
    QSet<QString> optional;
};

namespace {

// Shared singletons for the primitive and dynamic types: the overwhelmingly common
// case, so that creating one never allocates.
std::shared_ptr<const Type::Data> makePrimitive(Type::Kind k)
{
    auto d = std::make_shared<Type::Data>();
    d->kind = k;
    return d;
}

const std::shared_ptr<const Type::Data> &dynamicData()
{
    static const auto d = makePrimitive(Type::Kind::Dynamic);
    return d;
}

const QList<Type> &emptyTypeList()
{
    static const QList<Type> l;
    return l;
}

const QMap<QString, Type> &emptyAttributes()
{
    static const QMap<QString, Type> m;
    return m;
}

const QSet<QString> &emptyNames()
{
    static const QSet<QString> s;
    return s;
}

bool isValidIdentifier(const QString &name)
{
    static const QRegularExpression re(
        QStringLiteral("^[\\p{L}\\p{Nl}_][\\p{L}\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}_-]*$"));
    return re.match(name).hasMatch();
}

} // namespace

Type::Type()
    : d(dynamicData())
{ }

Type::Type(std::shared_ptr<const Data> data)
    : d(std::move(data))
{ }

Type Type::dynamic()
{
    return Type();
}

Type Type::string()
{
    static const auto d = makePrimitive(Kind::String);
    return Type(d);
}

Type Type::number()
{
    static const auto d = makePrimitive(Kind::Number);
    return Type(d);
}

Type Type::boolean()
{
    static const auto d = makePrimitive(Kind::Bool);
    return Type(d);
}

// List, set and map differ only in kind.
static std::shared_ptr<Type::Data> collectionData(
    Type::Kind k, std::shared_ptr<const Type::Data> element)
{
    auto d = std::make_shared<Type::Data>();
    d->kind = k;
    d->element = std::move(element);
    return d;
}

Type Type::list(const Type &element)
{
    return Type(collectionData(Kind::List, element.d));
}

Type Type::set(const Type &element)
{
    return Type(collectionData(Kind::Set, element.d));
}

Type Type::map(const Type &element)
{
    return Type(collectionData(Kind::Map, element.d));
}

Type Type::tuple(const QList<Type> &elements)
{
    auto d = std::make_shared<Data>();
    d->kind = Kind::Tuple;
    d->tupleElements = elements;
    return Type(d);
}

Type Type::object(const QMap<QString, Type> &attributes, const QSet<QString> &optional)
{
    auto d = std::make_shared<Data>();
    d->kind = Kind::Object;
    d->attributes = attributes;
    // Optional names that are not attributes would make equality depend on noise.
    for (const QString &name : optional) {
        if (attributes.contains(name))
            d->optional.insert(name);
    }
    return Type(d);
}

Type::Kind Type::kind() const
{
    return d->kind;
}

bool Type::isPrimitive() const
{
    return d->kind == Kind::String || d->kind == Kind::Number || d->kind == Kind::Bool;
}

bool Type::isCollection() const
{
    return d->kind == Kind::List || d->kind == Kind::Set || d->kind == Kind::Map;
}

bool Type::isStructural() const
{
    return d->kind == Kind::Tuple || d->kind == Kind::Object;
}

Type Type::elementType() const
{
    if (!d->element)
        return Type();
    return Type(d->element);
}

const QList<Type> &Type::tupleElements() const
{
    return d->kind == Kind::Tuple ? d->tupleElements : emptyTypeList();
}

const QMap<QString, Type> &Type::attributeTypes() const
{
    return d->kind == Kind::Object ? d->attributes : emptyAttributes();
}

bool Type::hasAttribute(const QString &name) const
{
    return d->kind == Kind::Object && d->attributes.contains(name);
}

Type Type::attributeType(const QString &name) const
{
    return d->attributes.value(name);
}

const QSet<QString> &Type::optionalAttributes() const
{
    return d->kind == Kind::Object ? d->optional : emptyNames();
}

bool Type::hasDynamicTypes() const
{
    switch (d->kind) {
    case Kind::Dynamic:
        return true;
    case Kind::List:
    case Kind::Set:
    case Kind::Map:
        return elementType().hasDynamicTypes();
    case Kind::Tuple:
        for (const Type &t : d->tupleElements) {
            if (t.hasDynamicTypes())
                return true;
        }
        return false;
    case Kind::Object:
        for (const Type &t : d->attributes) {
            if (t.hasDynamicTypes())
                return true;
        }
        return false;
    default:
        return false;
    }
}

Type Type::withoutOptionalAttributesDeep() const
{
    switch (d->kind) {
    case Kind::List:
        return list(elementType().withoutOptionalAttributesDeep());
    case Kind::Set:
        return set(elementType().withoutOptionalAttributesDeep());
    case Kind::Map:
        return map(elementType().withoutOptionalAttributesDeep());
    case Kind::Tuple: {
        QList<Type> elems;
        for (const Type &t : d->tupleElements)
            elems.append(t.withoutOptionalAttributesDeep());
        return tuple(elems);
    }
    case Kind::Object: {
        QMap<QString, Type> attrs;
        for (auto it = d->attributes.cbegin(); it != d->attributes.cend(); ++it)
            attrs.insert(it.key(), it.value().withoutOptionalAttributesDeep());
        return object(attrs);
    }
    default:
        return *this;
    }
}

static QString friendlyNameMode(const Type &t, bool constraint)
{
    switch (t.kind()) {
    case Type::Kind::Dynamic:
        return constraint ? QStringLiteral("any type") : QStringLiteral("dynamic");
    case Type::Kind::String:
        return QStringLiteral("string");
    case Type::Kind::Number:
        return QStringLiteral("number");
    case Type::Kind::Bool:
        return QStringLiteral("bool");
    case Type::Kind::List:
    case Type::Kind::Set:
    case Type::Kind::Map: {
        const Type e = t.elementType();
        // cty says "any single type" here: a collection's elements must all share one.
        const QString elem = constraint && e.isDynamic() ? QStringLiteral("any single type")
                                                         : friendlyNameMode(e, constraint);
        const char *prefix = t.kind() == Type::Kind::List ? "list of "
            : t.kind() == Type::Kind::Set                 ? "set of "
                                                          : "map of ";
        return QLatin1String(prefix) + elem;
    }
    case Type::Kind::Tuple:
        return QStringLiteral("tuple");
    case Type::Kind::Object:
        return QStringLiteral("object");
    }
    return QString();
}

QString Type::friendlyName() const
{
    return friendlyNameMode(*this, false);
}

QString Type::friendlyNameForConstraint() const
{
    return friendlyNameMode(*this, true);
}

QString Type::typeExpression() const
{
    switch (d->kind) {
    case Kind::Dynamic:
        return QStringLiteral("any");
    case Kind::String:
        return QStringLiteral("string");
    case Kind::Number:
        return QStringLiteral("number");
    case Kind::Bool:
        return QStringLiteral("bool");
    case Kind::List:
        return QStringLiteral("list(%1)").arg(elementType().typeExpression());
    case Kind::Set:
        return QStringLiteral("set(%1)").arg(elementType().typeExpression());
    case Kind::Map:
        return QStringLiteral("map(%1)").arg(elementType().typeExpression());
    case Kind::Tuple: {
        QStringList parts;
        for (const Type &t : d->tupleElements)
            parts << t.typeExpression();
        return QStringLiteral("tuple([") + parts.join(QLatin1Char(',')) + QStringLiteral("])");
    }
    case Kind::Object: {
        QStringList parts;
        for (auto it = d->attributes.cbegin(); it != d->attributes.cend(); ++it) {
            QString name = it.key();
            if (!isValidIdentifier(name)) {
                name.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
                name.replace(QLatin1Char('"'), QStringLiteral("\\\""));
                name = QLatin1Char('"') + name + QLatin1Char('"');
            }
            QString ty = it.value().typeExpression();
            // Extension over hcl's TypeString: keep optional() so the text reads back
            // as the same constraint.
            if (d->optional.contains(it.key()))
                ty = QStringLiteral("optional(%1)").arg(ty);
            parts << name + QLatin1Char('=') + ty;
        }
        return QStringLiteral("object({") + parts.join(QLatin1Char(',')) + QStringLiteral("})");
    }
    }
    return QString();
}

bool Type::equals(const Type &other) const
{
    if (d == other.d)
        return true;
    if (d->kind != other.d->kind)
        return false;
    switch (d->kind) {
    case Kind::List:
    case Kind::Set:
    case Kind::Map:
        return elementType().equals(other.elementType());
    case Kind::Tuple:
        return d->tupleElements == other.d->tupleElements;
    case Kind::Object:
        return d->attributes == other.d->attributes && d->optional == other.d->optional;
    default:
        return true;
    }
}

} // namespace kiln::hcl
