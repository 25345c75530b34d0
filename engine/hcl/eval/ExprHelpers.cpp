#include "engine/hcl/eval/ExprHelpers.h"

#include "engine/hcl/Parser.h"

namespace kiln::hcl {

namespace {

// The text of a JSON-syntax string, if `expr` is one: a bare (unquoted) template
// made of a single literal. A native quoted string has the same shape, but its
// range starts at the opening quote, one byte before its literal part; parsing a
// JSON string value as a template yields a template that starts with its text.
const LiteralExpr *jsonStringLiteral(const ExprPtr &expr)
{
    if (!expr || expr->kind != ExprKind::Template)
        return nullptr;
    const auto &t = static_cast<const TemplateExpr &>(*expr);
    if (t.isHeredoc || t.parts.size() != 1 || !t.parts.first()
        || t.parts.first()->kind != ExprKind::Literal)
        return nullptr;
    const auto *lit = static_cast<const LiteralExpr *>(t.parts.first().get());
    if (lit->value.isNull() || !lit->value.isKnown()
        || lit->value.type().kind() != Type::Kind::String)
        return nullptr;
    if (lit->range.start.byte != t.range.start.byte)
        return nullptr;
    return lit;
}

// hcl's UnwrapExpression chain: only object keys wrap another expression.
ExprPtr unwrapOnce(const ExprPtr &expr)
{
    if (expr && expr->kind == ExprKind::ObjectConsKey)
        return static_cast<const ObjectConsKeyExpr &>(*expr).wrapped;
    return nullptr;
}

// The AsTraversal method of the expressions that have one (hcl's asTraversal
// interface); nullopt when the expression has none or it yields nothing.
std::optional<Traversal> asTraversal(const ExprPtr &expr, bool &supported)
{
    supported = true;
    switch (expr->kind) {
    case ExprKind::ScopeTraversal:
        return static_cast<const ScopeTraversalExpr &>(*expr).traversal;
    case ExprKind::RelativeTraversal: {
        const auto &e = static_cast<const RelativeTraversalExpr &>(*expr);
        Diagnostics ignored;
        Traversal t = absTraversalForExpr(e.source, ignored);
        if (ignored.hasErrors())
            return std::nullopt;
        t.steps += e.traversal.steps;
        return t;
    }
    case ExprKind::Literal: {
        // Traversal syntax has no keywords: the parser's null/true/false
        // literals are names there.
        const Value &v = static_cast<const LiteralExpr &>(*expr).value;
        QString name;
        if (v.isNull())
            name = QStringLiteral("null");
        else if (v.isKnown() && !v.isMarked() && v.type().kind() == Type::Kind::Bool)
            name = v.asBool() ? QStringLiteral("true") : QStringLiteral("false");
        if (name.isEmpty())
            return std::nullopt;
        Traversal t;
        t.steps.append({TraversalStep::Kind::Root, name, Value(), expr->range});
        return t;
    }
    case ExprKind::ObjectConsKey: {
        const auto &e = static_cast<const ObjectConsKeyExpr &>(*expr);
        if (e.forceNonLiteral)
            return std::nullopt;
        Diagnostics ignored;
        Traversal t = absTraversalForExpr(e.wrapped, ignored);
        if (ignored.hasErrors())
            return std::nullopt;
        return t;
    }
    case ExprKind::Template:
        if (const LiteralExpr *lit = jsonStringLiteral(expr)) {
            Diagnostics parseDiags;
            Traversal t = parseTraversalAbs(
                lit->value.asString().toUtf8(), lit->range.filename, parseDiags, lit->range.start);
            if (parseDiags.hasErrors() || t.isEmpty())
                return std::nullopt;
            return t;
        }
        break;
    default:
        break;
    }
    supported = false;
    return std::nullopt;
}

std::optional<Traversal> findTraversal(const ExprPtr &expr)
{
    for (ExprPtr e = expr; e; e = unwrapOnce(e)) {
        bool supported = false;
        std::optional<Traversal> t = asTraversal(e, supported);
        if (supported)
            return t;
    }
    return std::nullopt;
}

Diagnostic invalidExpression(const QString &detail, const SourceRange &subject)
{
    return Diagnostic::error(QStringLiteral("Invalid expression"), detail, subject);
}

} // namespace

SourceRange expressionStartRange(const ExprPtr &expr)
{
    if (!expr)
        return {};
    switch (expr->kind) {
    case ExprKind::Template: {
        const auto &e = static_cast<const TemplateExpr &>(*expr);
        return e.parts.isEmpty() ? e.range : expressionStartRange(e.parts.first());
    }
    case ExprKind::TemplateJoin:
        return expressionStartRange(static_cast<const TemplateJoinExpr &>(*expr).tuple);
    case ExprKind::FunctionCall: {
        const auto &e = static_cast<const FunctionCallExpr &>(*expr);
        return SourceRange::between(e.nameRange, e.openParenRange);
    }
    case ExprKind::Conditional:
        return expressionStartRange(static_cast<const ConditionalExpr &>(*expr).condition);
    case ExprKind::BinaryOp:
        return expressionStartRange(static_cast<const BinaryOpExpr &>(*expr).lhs);
    case ExprKind::UnaryOp:
        return static_cast<const UnaryOpExpr &>(*expr).opRange;
    case ExprKind::TupleCons:
        return static_cast<const TupleConsExpr &>(*expr).openRange;
    case ExprKind::ObjectCons:
        return static_cast<const ObjectConsExpr &>(*expr).openRange;
    case ExprKind::ObjectConsKey:
        return expressionStartRange(static_cast<const ObjectConsKeyExpr &>(*expr).wrapped);
    case ExprKind::For:
        return static_cast<const ForExpr &>(*expr).openRange;
    case ExprKind::Index: {
        // The opening bracket.
        SourceRange r = static_cast<const IndexExpr &>(*expr).bracketRange;
        r.end = r.start;
        r.end.byte += 1;
        r.end.column += 1;
        return r;
    }
    case ExprKind::Splat:
        return static_cast<const SplatExpr &>(*expr).markerRange;
    case ExprKind::Parentheses:
        // hcl's ParenthesesExpr inherits StartRange from what it wraps.
        return expressionStartRange(static_cast<const ParenthesesExpr &>(*expr).inner);
    case ExprKind::Literal:
    case ExprKind::TemplateWrap:
    case ExprKind::ScopeTraversal:
    case ExprKind::RelativeTraversal:
    case ExprKind::AnonSymbol:
        break;
    }
    return expr->range;
}

QList<ExprPtr> exprList(const ExprPtr &expr, Diagnostics &diags)
{
    for (ExprPtr e = expr; e; e = unwrapOnce(e)) {
        if (e->kind == ExprKind::TupleCons)
            return static_cast<const TupleConsExpr &>(*e).elements;
    }
    diags += invalidExpression(
        QStringLiteral("A static list expression is required."), expressionStartRange(expr));
    return {};
}

QList<KeyValuePair> exprMap(const ExprPtr &expr, Diagnostics &diags)
{
    for (ExprPtr e = expr; e; e = unwrapOnce(e)) {
        if (e->kind == ExprKind::ObjectCons) {
            QList<KeyValuePair> out;
            for (const ObjectConsItem &item : static_cast<const ObjectConsExpr &>(*e).items)
                out.append({item.key, item.value});
            return out;
        }
    }
    diags += invalidExpression(
        QStringLiteral("A static map expression is required."), expressionStartRange(expr));
    return {};
}

std::optional<StaticCall> exprCall(const ExprPtr &expr, Diagnostics &diags)
{
    for (ExprPtr e = expr; e; e = unwrapOnce(e)) {
        if (e->kind == ExprKind::FunctionCall) {
            const auto &call = static_cast<const FunctionCallExpr &>(*e);
            return StaticCall{call.name, call.nameRange, call.args,
                SourceRange::between(call.openParenRange, call.closeParenRange)};
        }
        if (const LiteralExpr *lit = jsonStringLiteral(e)) {
            // A JSON string holding a call, e.g. "list(string)" as a type.
            Diagnostics parseDiags;
            const ExprPtr parsed = parseExpression(
                lit->value.asString().toUtf8(), lit->range.filename, parseDiags, lit->range.start);
            if (!parseDiags.hasErrors() && parsed && parsed->kind == ExprKind::FunctionCall) {
                Diagnostics inner;
                return exprCall(parsed, inner);
            }
            break;
        }
    }
    diags += invalidExpression(
        QStringLiteral("A static function call is required."), expressionStartRange(expr));
    return std::nullopt;
}

Traversal absTraversalForExpr(const ExprPtr &expr, Diagnostics &diags)
{
    if (expr) {
        if (std::optional<Traversal> t = findTraversal(expr); t && !t->isEmpty())
            return *t;
    }
    diags += invalidExpression(QStringLiteral("A single static variable reference is required: "
                                              "only attribute access and indexing with "
                                              "constant keys. No calculations, function calls, "
                                              "template expressions, etc are allowed here."),
        expr ? expr->range : SourceRange());
    return {};
}

Traversal relTraversalForExpr(const ExprPtr &expr, Diagnostics &diags)
{
    Traversal t = absTraversalForExpr(expr, diags);
    if (!t.isEmpty())
        t.steps.first().kind = TraversalStep::Kind::Attr;
    return t;
}

QString exprAsKeyword(const ExprPtr &expr)
{
    if (!expr)
        return {};
    const std::optional<Traversal> t = findTraversal(expr);
    if (t && t->steps.size() == 1 && !t->isRelative())
        return t->rootName();
    return {};
}

} // namespace kiln::hcl
