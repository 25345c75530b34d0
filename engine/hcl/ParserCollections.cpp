// Tuple and object constructors and `for` expressions (hclsyntax parser.go).

#include "engine/hcl/ParserImpl.h"

namespace kiln::hcl::detail {

namespace {

Diagnostic diag(const QString &summary, const QString &detail, const SourceRange &subject,
    std::optional<SourceRange> context = std::nullopt)
{
    Diagnostic d = Diagnostic::error(summary, detail, subject);
    d.context = context;
    return d;
}

bool isKeyword(const Token &tok, const char *kw)
{
    return tok.type == TokenType::Ident && tok.bytes == kw;
}

const QString kInvalidFor = QStringLiteral("Invalid 'for' expression");

} // namespace

ExprPtr ParserImpl::parseTupleCons(Diagnostics &diags)
{
    const Token &open = read();
    pushNewlines(false);
    if (isKeyword(peek(), "for")) {
        ExprPtr e = finishParsingForExpr(open, diags);
        popNewlines();
        return e;
    }

    auto tuple = std::make_shared<TupleConsExpr>();
    Token close;
    for (;;) {
        if (peek().type == TokenType::CBrack) {
            close = read();
            break;
        }
        Diagnostics exprDiags;
        ExprPtr e = parseExpression(exprDiags);
        tuple->elements.append(e);
        diags += exprDiags;
        if (recovery && exprDiags.hasErrors()) {
            close = recover(TokenType::CBrack);
            break;
        }
        const Token &next = peek();
        if (next.type == TokenType::CBrack) {
            close = read();
            break;
        }
        if (next.type != TokenType::Comma) {
            if (!recovery) {
                if (next.type == TokenType::EndOfFile)
                    diags += diag(QStringLiteral("Unterminated tuple constructor expression"),
                        QStringLiteral("There is no corresponding closing bracket before the end "
                                       "of the file. This may be caused "
                                       "by incorrect bracket nesting elsewhere in this file."),
                        open.range);
                else
                    diags += diag(QStringLiteral("Missing item separator"),
                        QStringLiteral("Expected a comma to mark the beginning of the next item."),
                        next.range, SourceRange::between(open.range, next.range));
            }
            close = recover(TokenType::CBrack);
            break;
        }
        read(); // comma
    }
    popNewlines();

    tuple->range = SourceRange::between(open.range, close.range);
    tuple->startRange = open.range;
    tuple->openRange = open.range;
    return tuple;
}

ExprPtr ParserImpl::parseObjectCons(Diagnostics &diags)
{
    const Token &open = read();
    // `for` expressions are not newline-sensitive, object constructors are.
    pushNewlines(false);
    const bool isFor = isKeyword(peek(), "for");
    popNewlines();
    if (isFor)
        return finishParsingForExpr(open, diags);

    pushNewlines(true);
    auto obj = std::make_shared<ObjectConsExpr>();
    Token close;
    for (;;) {
        const Token &next = peek();
        if (next.type == TokenType::Newline) {
            read();
            continue;
        }
        if (next.type == TokenType::CBrace) {
            close = read();
            break;
        }

        // Parentheses force a key to be an expression rather than a bare name.
        const bool forceNonLiteral = next.type == TokenType::OParen;
        Diagnostics keyDiags;
        ExprPtr keyInner = parseExpression(keyDiags);
        diags += keyDiags;
        if (recovery && keyDiags.hasErrors()) {
            close = recover(TokenType::CBrace);
            break;
        }
        auto key = std::make_shared<ObjectConsKeyExpr>();
        key->range = keyInner->range;
        key->startRange = keyInner->startRange;
        key->forceNonLiteral = forceNonLiteral;
        key->wrapped = std::move(keyInner);

        const Token &sep = peek();
        if (sep.type != TokenType::Equal && sep.type != TokenType::Colon) {
            if (!recovery) {
                const SourceRange context = SourceRange::between(open.range, sep.range);
                switch (sep.type) {
                case TokenType::Newline:
                case TokenType::Comma:
                    diags += diag(QStringLiteral("Missing attribute value"),
                        QStringLiteral(
                            "Expected an attribute value, introduced by an equals sign (\"=\")."),
                        sep.range, context);
                    break;
                case TokenType::Ident:
                    // Possibly an HCL1-style name such as foo1.2_bar; hint at quoting.
                    diags += diag(QStringLiteral("Missing key/value separator"),
                        QStringLiteral("Expected an equals sign (\"=\") to mark the beginning of "
                                       "the attribute value. If you "
                                       "intended to given an attribute name containing periods or "
                                       "spaces, write the name in "
                                       "quotes to create a string literal."),
                        sep.range, context);
                    break;
                case TokenType::EndOfFile:
                    diags += diag(QStringLiteral("Unterminated object constructor expression"),
                        QStringLiteral("There is no corresponding closing brace before the end of "
                                       "the file. This may be caused "
                                       "by incorrect brace nesting elsewhere in this file."),
                        open.range);
                    break;
                default:
                    diags += diag(QStringLiteral("Missing key/value separator"),
                        QStringLiteral("Expected an equals sign (\"=\") to mark the beginning of "
                                       "the attribute value."),
                        sep.range, context);
                    break;
                }
            }
            close = recover(TokenType::CBrace);
            break;
        }
        read(); // = or :

        Diagnostics valueDiags;
        ExprPtr value = parseExpression(valueDiags);
        diags += valueDiags;
        if (recovery && valueDiags.hasErrors()) {
            close = recover(TokenType::CBrace);
            break;
        }
        obj->items.append(ObjectConsItem{key, value});

        const Token &after = peek();
        if (after.type == TokenType::CBrace) {
            close = read();
            break;
        }
        if (after.type != TokenType::Comma && after.type != TokenType::Newline) {
            if (!recovery) {
                if (after.type == TokenType::EndOfFile)
                    diags += diag(QStringLiteral("Unterminated object constructor expression"),
                        QStringLiteral("There is no corresponding closing brace before the end of "
                                       "the file. This may be caused "
                                       "by incorrect brace nesting elsewhere in this file."),
                        open.range);
                else
                    diags += diag(QStringLiteral("Missing attribute separator"),
                        QStringLiteral("Expected a newline or comma to mark the beginning of the "
                                       "next attribute."),
                        after.range, SourceRange::between(open.range, after.range));
            }
            close = recover(TokenType::CBrace);
            break;
        }
        read(); // comma or newline
    }
    popNewlines();

    obj->range = SourceRange::between(open.range, close.range);
    obj->startRange = open.range;
    obj->openRange = open.range;
    return obj;
}

ExprPtr ParserImpl::finishParsingForExpr(const Token &openTok, Diagnostics &diags)
{
    const Token open = openTok;
    pushNewlines(false);
    struct PopGuard
    {
        ParserImpl *p;
        ~PopGuard() { p->popNewlines(); }
    } guard{this};

    read(); // `for`
    const bool makeObj = open.type == TokenType::OBrace;
    const TokenType closeType = makeObj ? TokenType::CBrace : TokenType::CBrack;

    // On a malformed header, skip to our closer and stand in a placeholder.
    auto fail = [&](const QString &detail) -> ExprPtr {
        if (!recovery)
            diags += diag(
                kInvalidFor, detail, peek().range, SourceRange::between(open.range, peek().range));
        const Token &close = recover(closeType);
        return errorPlaceholder(SourceRange::between(open.range, close.range));
    };

    auto forExpr = std::make_shared<ForExpr>();
    if (peek().type != TokenType::Ident)
        return fail(QStringLiteral("For expression requires variable name after 'for'."));
    {
        const Token &name = read();
        forExpr->valVar = QString::fromUtf8(name.bytes);
        forExpr->valVarRange = name.range;
    }
    if (peek().type == TokenType::Comma) {
        // What we read was the key variable.
        forExpr->keyVar = forExpr->valVar;
        forExpr->keyVarRange = forExpr->valVarRange;
        read();
        if (peek().type != TokenType::Ident)
            return fail(QStringLiteral("For expression requires value variable name after comma."));
        const Token &name = read();
        forExpr->valVar = QString::fromUtf8(name.bytes);
        forExpr->valVarRange = name.range;
    }
    if (!isKeyword(peek(), "in"))
        return fail(QStringLiteral(
            "For expression requires the 'in' keyword after its name declarations."));
    read();

    Diagnostics collDiags;
    forExpr->collection = parseExpression(collDiags);
    diags += collDiags;
    if (recovery && collDiags.hasErrors()) {
        const Token &close = recover(closeType);
        return errorPlaceholder(SourceRange::between(open.range, close.range));
    }
    if (peek().type != TokenType::Colon)
        return fail(
            QStringLiteral("For expression requires a colon after the collection expression."));
    read();

    Diagnostics keyDiags, valDiags;
    ExprPtr keyExpr;
    ExprPtr valExpr = parseExpression(valDiags);
    if (peek().type == TokenType::FatArrow) {
        read();
        keyExpr = valExpr;
        keyDiags = valDiags;
        valDiags.clear();
        valExpr = parseExpression(valDiags);
    }
    diags += keyDiags;
    diags += valDiags;
    if (recovery && (keyDiags.hasErrors() || valDiags.hasErrors())) {
        const Token &close = recover(closeType);
        return errorPlaceholder(SourceRange::between(open.range, close.range));
    }

    SourceRange ellipsisRange;
    if (peek().type == TokenType::Ellipsis) {
        ellipsisRange = read().range;
        forExpr->group = true;
    }
    if (isKeyword(peek(), "if")) {
        read();
        Diagnostics condDiags;
        forExpr->condExpr = parseExpression(condDiags);
        diags += condDiags;
        if (recovery && condDiags.hasErrors()) {
            const Token &close = recover(closeType);
            return errorPlaceholder(SourceRange::between(open.range, close.range));
        }
    }

    Token close;
    if (peek().type == closeType) {
        close = read();
    } else {
        if (!recovery)
            diags += diag(kInvalidFor,
                QStringLiteral("Extra characters after the end of the 'for' expression."),
                peek().range, SourceRange::between(open.range, peek().range));
        close = recover(closeType);
    }

    const SourceRange whole = SourceRange::between(open.range, close.range);
    if (!makeObj) {
        if (keyExpr)
            diags += diag(kInvalidFor,
                QStringLiteral("Key expression is not valid when building a tuple."),
                keyExpr->range, whole);
        if (forExpr->group)
            diags += diag(kInvalidFor,
                QStringLiteral("Grouping ellipsis (...) cannot be used when building a tuple."),
                ellipsisRange, whole);
    } else if (!keyExpr) {
        diags += diag(kInvalidFor,
            QStringLiteral("Key expression is required when building an object."), valExpr->range,
            whole);
    }

    forExpr->keyExpr = std::move(keyExpr);
    forExpr->valExpr = std::move(valExpr);
    forExpr->range = whole;
    forExpr->startRange = open.range;
    forExpr->openRange = open.range;
    forExpr->closeRange = close.range;
    return forExpr;
}

} // namespace kiln::hcl::detail
