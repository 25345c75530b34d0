#include "engine/hcl/eval/TypeExpr.h"

#include "engine/hcl/Lexer.h"
#include "engine/hcl/eval/DiagnosticText.h"
#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/eval/ExprHelpers.h"
#include "engine/hcl/value/Convert.h"

namespace kiln::hcl {

namespace {

const QString invalidType = QStringLiteral("Invalid type specification");

struct TypeResult
{
    Type type;
    TypeDefaultsPtr defaults;
};

Diagnostic typeError(
    const QString &detail, const SourceRange &subject, std::optional<SourceRange> context = {})
{
    Diagnostic d = Diagnostic::error(invalidType, detail, subject);
    d.context = std::move(context);
    return d;
}

TypeResult getType(const ExprPtr &expr, bool constraint, bool withDefaults, Diagnostics &diags);

TypeDefaultsPtr collectionDefaults(const Type &t, const TypeDefaultsPtr &element)
{
    if (!element)
        return nullptr;
    auto d = std::make_shared<TypeDefaults>();
    d->type = t;
    d->children.insert(QString(), element);
    return d;
}

TypeDefaultsPtr structuredDefaults(const Type &t, const QMap<QString, Value> &values,
    const QMap<QString, TypeDefaultsPtr> &children)
{
    if (values.isEmpty() && children.isEmpty())
        return nullptr;
    auto d = std::make_shared<TypeDefaults>();
    d->type = t;
    d->defaultValues = values;
    d->children = children;
    return d;
}

TypeResult objectType(const StaticCall &call, const ExprPtr &expr, bool constraint,
    bool withDefaults, Diagnostics &diags)
{
    Diagnostics mapDiags;
    const QList<KeyValuePair> attrDefs = exprMap(call.arguments[0], mapDiags);
    if (mapDiags.hasErrors()) {
        diags += typeError(
            QStringLiteral(
                "Object type constructor requires a map whose keys are attribute names and "
                "whose values are the corresponding attribute types."),
            call.arguments[0]->range, expr->range);
        return {};
    }

    QMap<QString, Type> atys;
    QMap<QString, Value> defaultValues;
    QMap<QString, TypeDefaultsPtr> children;
    QSet<QString> optional;
    for (const KeyValuePair &def : attrDefs) {
        const QString name = exprAsKeyword(def.key);
        if (name.isEmpty()) {
            diags
                += typeError(QStringLiteral("Object constructor map keys must be attribute names."),
                    def.key->range, expr->range);
            continue;
        }
        if (atys.contains(name)) {
            diags += typeError(QStringLiteral("Object constructor map keys must be unique."),
                def.key->range, expr->range);
            continue;
        }
        ExprPtr atyExpr = def.value;
        ExprPtr defaultExpr;
        Diagnostics callDiags;
        if (const std::optional<StaticCall> opt = exprCall(atyExpr, callDiags);
            opt && opt->name == QLatin1String("optional")) {
            if (opt->arguments.isEmpty()) {
                diags += typeError(
                    QStringLiteral(
                        "Optional attribute modifier requires the attribute type as its argument."),
                    opt->argsRange, atyExpr->range);
                continue;
            }
            if (!constraint) {
                diags += typeError(QStringLiteral("Optional attribute modifier is only for type "
                                                  "constraints, not for exact types."),
                    opt->nameRange, atyExpr->range);
            } else if (withDefaults) {
                if (opt->arguments.size() == 2) {
                    defaultExpr = opt->arguments[1];
                    Diagnostics defaultDiags;
                    const Value dv = evaluate(defaultExpr, nullptr, defaultDiags);
                    diags += defaultDiags;
                    if (!defaultDiags.hasErrors()) {
                        optional.insert(name);
                        defaultValues.insert(name, dv);
                    }
                } else if (opt->arguments.size() == 1) {
                    optional.insert(name);
                } else {
                    diags += typeError(
                        QStringLiteral(
                            "Optional attribute modifier expects at most two arguments: the "
                            "attribute type, and a default value."),
                        opt->argsRange, atyExpr->range);
                }
            } else if (opt->arguments.size() == 1) {
                optional.insert(name);
            } else {
                diags += typeError(QStringLiteral("Optional attribute modifier expects only one "
                                                  "argument: the attribute type."),
                    opt->argsRange, atyExpr->range);
            }
            atyExpr = opt->arguments[0];
        }

        const TypeResult attr = getType(atyExpr, constraint, withDefaults, diags);
        if (defaultValues.contains(name)) {
            QString why;
            const std::optional<Value> converted
                = convert(defaultValues.value(name), attr.type, &why);
            if (!converted) {
                diags += Diagnostic::error(
                    QStringLiteral("Invalid default value for optional attribute"),
                    QStringLiteral("This default value is not compatible with the attribute's type "
                                   "constraint: %1.")
                        .arg(why),
                    defaultExpr->range);
                defaultValues.remove(name);
            } else {
                defaultValues.insert(name, *converted);
            }
        }
        atys.insert(name, attr.type);
        if (attr.defaults)
            children.insert(name, attr.defaults);
    }
    const Type t = Type::object(atys, optional);
    return {t, structuredDefaults(t, defaultValues, children)};
}

TypeResult getType(const ExprPtr &expr, bool constraint, bool withDefaults, Diagnostics &diags)
{
    const QString kw = exprAsKeyword(expr);
    if (kw == QLatin1String("bool"))
        return {Type::boolean(), nullptr};
    if (kw == QLatin1String("string"))
        return {Type::string(), nullptr};
    if (kw == QLatin1String("number"))
        return {Type::number(), nullptr};
    if (kw == QLatin1String("any")) {
        if (!constraint)
            diags += typeError(
                QStringLiteral(
                    "The keyword %1 cannot be used in this type specification: an exact type "
                    "is required.")
                    .arg(goQuote(kw)),
                expr->range);
        return {};
    }
    if (kw == QLatin1String("list") || kw == QLatin1String("map") || kw == QLatin1String("set")) {
        diags += typeError(
            QStringLiteral(
                "The %1 type constructor requires one argument specifying the element type.")
                .arg(kw),
            expr->range);
        return {};
    }
    if (kw == QLatin1String("object")) {
        diags += typeError(
            QStringLiteral(
                "The object type constructor requires one argument specifying the attribute "
                "types and values as a map."),
            expr->range);
        return {};
    }
    if (kw == QLatin1String("tuple")) {
        diags += typeError(
            QStringLiteral(
                "The tuple type constructor requires one argument specifying the element "
                "types as a list."),
            expr->range);
        return {};
    }
    if (!kw.isEmpty()) {
        diags += typeError(
            QStringLiteral("The keyword %1 is not a valid type specification.").arg(goQuote(kw)),
            expr->range);
        return {};
    }

    Diagnostics callDiags;
    const std::optional<StaticCall> call = exprCall(expr, callDiags);
    if (!call) {
        diags += typeError(
            QStringLiteral("A type specification is either a primitive type keyword (bool, number, "
                           "string) or a complex type constructor call, like list(string)."),
            expr->range);
        return {};
    }
    const QString &name = call->name;
    if (name == QLatin1String("bool") || name == QLatin1String("string")
        || name == QLatin1String("number")) {
        diags += typeError(QStringLiteral("Primitive type keyword %1 does not expect arguments.")
                               .arg(goQuote(name)),
            call->argsRange);
        return {};
    }
    if (name == QLatin1String("any")) {
        diags += typeError(QStringLiteral("Type constraint keyword %1 does not expect arguments.")
                               .arg(goQuote(name)),
            call->argsRange);
        return {};
    }

    const bool isCollection = name == QLatin1String("list") || name == QLatin1String("set")
        || name == QLatin1String("map");
    if (call->arguments.size() != 1
        && (isCollection || name == QLatin1String("object") || name == QLatin1String("tuple"))) {
        SourceRange subject = call->argsRange;
        if (call->arguments.size() > 1)
            subject
                = SourceRange::between(call->arguments[1]->range, call->arguments.last()->range);
        QString detail;
        if (isCollection)
            detail = QStringLiteral(
                "The %1 type constructor requires one argument specifying the element type.")
                         .arg(name);
        else if (name == QLatin1String("object"))
            detail = QStringLiteral(
                "The object type constructor requires one argument specifying the attribute types "
                "and values as a map.");
        else
            detail = QStringLiteral("The tuple type constructor requires one argument specifying "
                                    "the element types as a list.");
        diags += typeError(detail, subject, call->argsRange);
        return {};
    }

    if (isCollection) {
        const TypeResult el = getType(call->arguments[0], constraint, withDefaults, diags);
        const Type t = name == QLatin1String("list") ? Type::list(el.type)
            : name == QLatin1String("set")           ? Type::set(el.type)
                                                     : Type::map(el.type);
        return {t, collectionDefaults(t, el.defaults)};
    }
    if (name == QLatin1String("object"))
        return objectType(*call, expr, constraint, withDefaults, diags);
    if (name == QLatin1String("tuple")) {
        Diagnostics listDiags;
        const QList<ExprPtr> elemDefs = exprList(call->arguments[0], listDiags);
        if (listDiags.hasErrors()) {
            diags += typeError(
                QStringLiteral("Tuple type constructor requires a list of element types."),
                call->arguments[0]->range, expr->range);
            return {};
        }
        QList<Type> etys;
        QMap<QString, TypeDefaultsPtr> children;
        for (qsizetype i = 0; i < elemDefs.size(); ++i) {
            const TypeResult el = getType(elemDefs[i], constraint, withDefaults, diags);
            etys.append(el.type);
            if (el.defaults)
                children.insert(QString::number(i), el.defaults);
        }
        const Type t = Type::tuple(etys);
        return {t, structuredDefaults(t, {}, children)};
    }
    if (name == QLatin1String("optional")) {
        diags += typeError(
            QStringLiteral("Keyword %1 is valid only as a modifier for object type attributes.")
                .arg(goQuote(name)),
            call->nameRange);
        return {};
    }
    diags += typeError(
        QStringLiteral("Keyword %1 is not a valid type constructor.").arg(goQuote(name)),
        expr->range);
    return {};
}

} // namespace

Type typeFromExpr(const ExprPtr &expr, Diagnostics &diags)
{
    return getType(expr, false, false, diags).type;
}

Type typeConstraintFromExpr(const ExprPtr &expr, Diagnostics &diags, TypeDefaultsPtr *defaults)
{
    TypeResult r = getType(expr, true, defaults != nullptr, diags);
    if (defaults)
        *defaults = r.defaults;
    return r.type;
}

QString typeString(const Type &type)
{
    switch (type.kind()) {
    case Type::Kind::String:
        return QStringLiteral("string");
    case Type::Kind::Bool:
        return QStringLiteral("bool");
    case Type::Kind::Number:
        return QStringLiteral("number");
    case Type::Kind::Dynamic:
        return QStringLiteral("any");
    case Type::Kind::List:
        return QStringLiteral("list(%1)").arg(typeString(type.elementType()));
    case Type::Kind::Set:
        return QStringLiteral("set(%1)").arg(typeString(type.elementType()));
    case Type::Kind::Map:
        return QStringLiteral("map(%1)").arg(typeString(type.elementType()));
    case Type::Kind::Object: {
        QStringList parts;
        const auto &attrs = type.attributeTypes();
        for (auto it = attrs.constBegin(); it != attrs.constEnd(); ++it) {
            const QString name
                = isValidIdentifier(it.key().toUtf8()) ? it.key() : goQuote(it.key());
            parts.append(name + QLatin1Char('=') + typeString(it.value()));
        }
        return QStringLiteral("object({") + parts.join(QLatin1Char(',')) + QStringLiteral("})");
    }
    case Type::Kind::Tuple: {
        QStringList parts;
        for (const Type &t : type.tupleElements())
            parts.append(typeString(t));
        return QStringLiteral("tuple([") + parts.join(QLatin1Char(',')) + QStringLiteral("])");
    }
    }
    return QString();
}

} // namespace kiln::hcl
