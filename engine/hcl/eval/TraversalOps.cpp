#include "engine/hcl/eval/TraversalOps.h"

#include "engine/hcl/eval/DiagnosticText.h"
#include "engine/hcl/value/Convert.h"

namespace kiln::hcl {

namespace {

const QString invalidIndex = QStringLiteral("Invalid index");
const QString unsupportedAttr = QStringLiteral("Unsupported attribute");

Value fail(
    Diagnostics &diags, const QString &summary, const QString &detail, const SourceRange &range)
{
    diags += Diagnostic::error(summary, detail, range);
    return Value::dynamicUnknown();
}

Value withMarksOf(const Value &v, const QSet<QString> &marks)
{
    return marks.isEmpty() ? v : v.withMarks(v.marks() | marks);
}

// cty's HasIndex for lists, tuples and maps on unmarked values:
// 1 = present, 0 = absent, -1 = not yet known.
int hasIndex(const Value &coll, const Value &key)
{
    const Type &t = coll.type();
    if (t.kind() == Type::Kind::Map) {
        if (!key.isKnown() || !coll.isKnown())
            return -1;
        return coll.hasAttribute(key.asString()) ? 1 : 0;
    }
    if (!key.isKnown() || (t.kind() == Type::Kind::List && !coll.isKnown()))
        return -1;
    const std::optional<qint64> idx = key.asNumber().toInt64();
    if (!idx || *idx < 0)
        return 0;
    const qsizetype len = t.kind() == Type::Kind::Tuple ? t.tupleElements().size() : coll.length();
    return *idx < len ? 1 : 0;
}

// Why a sequence index found nothing, in hcl's words (ops.go Index).
QString sequenceMissDetail(const Value &collection, const Value &key)
{
    const QString prefix
        = QStringLiteral("The given key does not identify an element in this collection value");
    if (!key.isKnown())
        return prefix + QLatin1Char('.');
    const Number &n = key.asNumber();
    if (!n.isInteger())
        return prefix
            + QStringLiteral(": indexing a sequence requires a whole number, but the given index "
                             "has a fractional part.");
    if (n.sign() < 0)
        return prefix + QStringLiteral(": a negative number is not a valid index for a sequence.");
    // hcl only words the length when it is known and unmarked, and (because it
    // tests the sign of index-length < 1) only when the index equals the length.
    const bool lengthKnown = !collection.isMarked()
        && (collection.type().kind() == Type::Kind::Tuple || collection.isKnown());
    if (lengthKnown) {
        const qint64 len = collection.type().kind() == Type::Kind::Tuple
            ? collection.type().tupleElements().size()
            : collection.length();
        if ((n - Number::fromInt(len)).sign() < 1) {
            if (len == 0)
                return prefix + QStringLiteral(": the collection has no elements.");
            return prefix
                + QStringLiteral(
                    ": the given index is greater than or equal to the length of the collection.");
        }
    }
    return prefix + QLatin1Char('.');
}

} // namespace

Value indexValue(
    const Value &collection, const Value &key, const SourceRange &range, Diagnostics &diags)
{
    if (collection.isNull())
        return fail(diags, QStringLiteral("Attempt to index null value"),
            QStringLiteral("This value is null, so it does not have any indices."), range);
    if (key.isNull())
        return fail(diags, invalidIndex,
            QStringLiteral("Can't use a null value as an indexing key."), range);

    const Type &ty = collection.type();
    if (ty.isDynamic() || key.type().isDynamic())
        return withMarksOf(Value::dynamicUnknown(), collection.marks());

    const QSet<QString> collMarks = collection.marks();
    const Value coll = collection.unmarked();
    const QSet<QString> keyMarks = key.marks();

    switch (ty.kind()) {
    case Type::Kind::List:
    case Type::Kind::Tuple:
    case Type::Kind::Map: {
        const Type want = ty.kind() == Type::Kind::Map ? Type::string() : Type::number();
        QString why;
        const std::optional<Value> converted = convert(key.unmarked(), want, &why);
        if (!converted)
            return fail(diags, invalidIndex,
                QStringLiteral(
                    "The given key does not identify an element in this collection value: %1.")
                    .arg(why),
                range);
        const Value k = *converted;
        const int has = hasIndex(coll, k);
        if (has < 0) {
            if (ty.kind() == Type::Kind::Tuple)
                return withMarksOf(Value::dynamicUnknown(), collMarks);
            return withMarksOf(Value::unknown(ty.elementType()), collMarks);
        }
        if (has == 0) {
            const QString detail = ty.kind() == Type::Kind::Map
                ? QStringLiteral(
                    "The given key does not identify an element in this collection value.")
                : sequenceMissDetail(collection, k);
            return fail(diags, invalidIndex, detail, range);
        }
        Value result;
        if (ty.kind() == Type::Kind::Map) {
            result = coll.attribute(k.asString());
        } else {
            const qint64 i = *k.asNumber().toInt64();
            if (!coll.isKnown())
                result = Value::unknown(
                    ty.kind() == Type::Kind::Tuple ? ty.tupleElements()[i] : ty.elementType());
            else
                result = coll.elements()[i];
        }
        // cty's Index carries the marks of both the collection and the key.
        return withMarksOf(result, collMarks | keyMarks);
    }
    case Type::Kind::Object: {
        const bool wasNumber = key.type().kind() == Type::Kind::Number;
        QString why;
        const std::optional<Value> converted = convert(key.unmarked(), Type::string(), &why);
        if (!converted)
            return fail(diags, invalidIndex,
                QStringLiteral(
                    "The given key does not identify an element in this collection value: %1.")
                    .arg(why),
                range);
        if (!converted->isKnown())
            return withMarksOf(Value::dynamicUnknown(), collMarks);
        const QString name = converted->asString();
        if (!ty.hasAttribute(name)) {
            QString detail = QStringLiteral(
                "The given key does not identify an element in this collection value.");
            if (wasNumber)
                detail += QStringLiteral(" An object only supports looking up attributes by name, "
                                         "not by numeric index.");
            return fail(diags, invalidIndex, detail, range);
        }
        if (!coll.isKnown())
            return withMarksOf(Value::unknown(ty.attributeType(name)), collMarks);
        // hcl drops the key's marks here (it unmarks the key to read its name).
        return withMarksOf(coll.attribute(name), collMarks);
    }
    case Type::Kind::Set:
        return fail(diags, invalidIndex,
            QStringLiteral(
                "Elements of a set are identified only by their value and don't have any separate "
                "index or key to select with, so it's only possible to perform operations across "
                "all elements of the set."),
            range);
    default:
        return fail(
            diags, invalidIndex, QStringLiteral("This value does not have any indices."), range);
    }
}

Value getAttribute(
    const Value &obj, const QString &name, const SourceRange &range, Diagnostics &diags)
{
    if (obj.isNull())
        return fail(diags, QStringLiteral("Attempt to get attribute from null value"),
            QStringLiteral("This value is null, so it does not have any attributes."), range);

    const Type &ty = obj.type();
    const QSet<QString> marks = obj.marks();
    switch (ty.kind()) {
    case Type::Kind::Object:
        if (obj.isKnown()) {
            // A known object holds every attribute of its type: one lookup
            // answers both "is there such an attribute" and "what is it" (the
            // `var` object of a large template has thousands of attributes).
            const QMap<QString, Value> &attrs = obj.attributes();
            const auto it = attrs.constFind(name);
            if (it != attrs.cend())
                return withMarksOf(*it, marks);
        }
        if (!ty.hasAttribute(name))
            return fail(diags, unsupportedAttr,
                QStringLiteral("This object does not have an attribute named %1.")
                    .arg(goQuote(name)),
                range);
        if (!obj.isKnown())
            return withMarksOf(Value::unknown(ty.attributeType(name)), marks);
        return withMarksOf(obj.unmarked().attribute(name), marks);
    case Type::Kind::Map:
        if (!obj.isKnown())
            return withMarksOf(Value::unknown(ty.elementType()), marks);
        if (!obj.unmarked().hasAttribute(name))
            return fail(diags, QStringLiteral("Missing map element"),
                QStringLiteral("This map does not have an element with the key %1.")
                    .arg(goQuote(name)),
                range);
        return withMarksOf(obj.unmarked().attribute(name), marks);
    case Type::Kind::Dynamic:
        return withMarksOf(Value::dynamicUnknown(), marks);
    default:
        break;
    }
    if (ty.kind() == Type::Kind::List && ty.elementType().kind() == Type::Kind::Object) {
        if (ty.elementType().hasAttribute(name))
            return fail(diags, unsupportedAttr,
                QStringLiteral(
                    "Can't access attributes on a list of objects. Did you mean to access "
                    "attribute "
                    "%1 for a specific element of the list, or across all elements of the list?")
                    .arg(goQuote(name)),
                range);
        return fail(diags, unsupportedAttr,
            QStringLiteral(
                "Can't access attributes on a list of objects. Did you mean to access an attribute "
                "for a specific element of the list, or across all elements of the list?"),
            range);
    }
    if (ty.kind() == Type::Kind::Set && ty.elementType().kind() == Type::Kind::Object)
        return fail(diags, unsupportedAttr,
            QStringLiteral(
                "Can't access attributes on a set of objects. Did you mean to access an attribute "
                "across all elements of the set?"),
            range);
    if (ty.isPrimitive())
        return fail(diags, unsupportedAttr,
            QStringLiteral("Can't access attributes on a primitive-typed value (%1).")
                .arg(ty.friendlyName()),
            range);
    return fail(
        diags, unsupportedAttr, QStringLiteral("This value does not have any attributes."), range);
}

Value traverseRelative(
    const Value &val, const Traversal &traversal, Diagnostics &diags, qsizetype firstStep)
{
    Value current = val;
    for (qsizetype i = firstStep; i < traversal.steps.size(); ++i) {
        const TraversalStep &step = traversal.steps[i];
        Diagnostics stepDiags;
        switch (step.kind) {
        case TraversalStep::Kind::Attr:
            current = getAttribute(current, step.name, step.range, stepDiags);
            break;
        case TraversalStep::Kind::Index:
            current = indexValue(current, step.key, step.range, stepDiags);
            break;
        case TraversalStep::Kind::Root:
        case TraversalStep::Kind::Splat:
            // Only the parser's splat handling produces these mid-traversal; a
            // static traversal cannot apply them (hcl panics in TraverseSplat).
            stepDiags += Diagnostic::error(QStringLiteral("Invalid traversal step"),
                QStringLiteral("A splat or root step cannot be applied in a static traversal."),
                step.range);
            break;
        }
        diags += stepDiags;
        if (stepDiags.hasErrors())
            return Value::dynamicUnknown();
    }
    return current;
}

Value traverseAbsolute(const Traversal &traversal, const EvalContext *ctx, Diagnostics &diags)
{
    if (traversal.isRelative())
        return traverseRelative(Value::dynamicUnknown(), traversal, diags);
    const TraversalStep &root = traversal.steps.first();
    if (ctx) {
        if (const Value *v = ctx->lookupVariable(root.name))
            return traverseRelative(*v, traversal, diags, 1);
    }
    if (!ctx || !ctx->hasVariables()) {
        diags += Diagnostic::error(QStringLiteral("Variables not allowed"),
            QStringLiteral("Variables may not be used here."), root.range);
        return Value::dynamicUnknown();
    }
    QStringList names;
    for (const EvalContext *c = ctx; c; c = c->parent())
        names += c->variables.keys();
    QString suggestion = suggestFromUnordered(root.name, names);
    if (!suggestion.isEmpty())
        suggestion = QStringLiteral(" Did you mean %1?").arg(goQuote(suggestion));
    diags += Diagnostic::error(QStringLiteral("Unknown variable"),
        QStringLiteral("There is no variable named %1.%2").arg(goQuote(root.name), suggestion),
        root.range);
    return Value::dynamicUnknown();
}

} // namespace kiln::hcl
