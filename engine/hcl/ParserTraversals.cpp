// Attribute access, indexing, legacy `.0` indexes and splats after a term
// (hclsyntax parseExpressionTraversals), and the static traversal parser
// (parser_traversal.go).

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

TraversalStep attrStep(const QString &name, const SourceRange &range)
{
    TraversalStep s;
    s.kind = TraversalStep::Kind::Attr;
    s.name = name;
    s.range = range;
    return s;
}

TraversalStep indexStep(const Value &key, const SourceRange &range)
{
    TraversalStep s;
    s.kind = TraversalStep::Kind::Index;
    s.key = key;
    s.range = range;
    return s;
}

// Appends a step to a traversal expression, extending it in place when `expr`
// already is one (hcl's makeRelativeTraversal). The nodes were created by this
// parser moments ago and are not yet shared, so mutating them is safe.
ExprPtr makeRelativeTraversal(const ExprPtr &expr, TraversalStep step, const SourceRange &rng)
{
    if (expr->kind == ExprKind::ScopeTraversal) {
        auto t = std::const_pointer_cast<ScopeTraversalExpr>(
            std::static_pointer_cast<const ScopeTraversalExpr>(expr));
        t->traversal.steps.append(std::move(step));
        t->range = SourceRange::between(t->range, rng);
        return t;
    }
    if (expr->kind == ExprKind::RelativeTraversal) {
        auto t = std::const_pointer_cast<RelativeTraversalExpr>(
            std::static_pointer_cast<const RelativeTraversalExpr>(expr));
        t->traversal.steps.append(std::move(step));
        t->range = SourceRange::between(t->range, rng);
        return t;
    }
    auto t = std::make_shared<RelativeTraversalExpr>();
    t->source = expr;
    t->traversal.steps.append(std::move(step));
    t->range = SourceRange::between(expr->range, rng);
    t->startRange = t->range;
    return t;
}

QString legacyChainDetail(const QByteArray &num, bool inSplat)
{
    const int dot = num.indexOf('.');
    const QString first = QString::fromLatin1(num.left(dot));
    const QString second = QString::fromLatin1(num.mid(dot + 1));
    if (inSplat)
        return QStringLiteral(
            "When using the legacy index syntax, chaining two indexes together is not permitted. "
            "Use the proper "
            "index syntax with a full splat expression [*] instead, like [%1][%2].")
            .arg(first, second);
    return QStringLiteral("When using the legacy index syntax, chaining two indexes together is "
                          "not permitted. Use the proper "
                          "index syntax instead, like [%1][%2].")
        .arg(first, second);
}

} // namespace

ExprPtr ParserImpl::parseTraversalsAfter(ExprPtr from, Diagnostics &diags)
{
    ExprPtr ret = from;
    for (;;) {
        const Token &next = peek();
        if (next.type == TokenType::Dot) {
            const Token &dot = read();
            const Token &attrTok = peek();
            if (attrTok.type == TokenType::Ident) {
                read();
                const SourceRange rng = SourceRange::between(dot.range, attrTok.range);
                ret = makeRelativeTraversal(
                    ret, attrStep(identifier(attrTok), rng), rng);
            } else if (attrTok.type == TokenType::NumberLit) {
                // HIL's `foo.0` index form, kept for legacy configurations.
                const Token &numTok = read();
                const SourceRange rng = SourceRange::between(dot.range, numTok.range);
                if (numTok.bytes.contains('.')) {
                    // foo.0.1 lexes as the number 0.1.
                    diags += diag(QStringLiteral("Invalid legacy index syntax"),
                        legacyChainDetail(numTok.bytes, false), numTok.range);
                    ret = makeRelativeTraversal(ret, indexStep(Value::dynamicUnknown(), rng), rng);
                    continue;
                }
                const Value key = numberLitValue(numTok, diags);
                ret = makeRelativeTraversal(ret, indexStep(key, rng), rng);
            } else if (attrTok.type == TokenType::Star) {
                // Attribute-only splat: only .attr (and legacy .N) steps apply per element.
                const Token &marker = read();
                Traversal trav;
                const SourceRange firstRange = nextRange();
                SourceRange lastRange = marker.range;
                bool broken = false;
                while (peek().type == TokenType::Dot) {
                    const Token &innerDot = read();
                    if (peek().type == TokenType::NumberLit) {
                        const Token &numTok = read();
                        const SourceRange rng = SourceRange::between(innerDot.range, numTok.range);
                        if (numTok.bytes.contains('.')) {
                            diags += diag(QStringLiteral("Invalid legacy index syntax"),
                                legacyChainDetail(numTok.bytes, true), marker.range);
                            trav.steps.append(indexStep(Value::dynamicUnknown(), rng));
                        } else {
                            trav.steps.append(indexStep(numberLitValue(numTok, diags), rng));
                        }
                        lastRange = numTok.range;
                        continue;
                    }
                    if (peek().type != TokenType::Ident) {
                        if (!recovery) {
                            if (peek().type == TokenType::Star)
                                diags += diag(QStringLiteral("Nested splat expression not allowed"),
                                    QStringLiteral("A splat expression (*) cannot be used inside "
                                                   "another attribute-only splat expression."),
                                    peek().range);
                            else
                                diags += diag(QStringLiteral("Invalid attribute name"),
                                    QStringLiteral("An attribute name is required after a dot."),
                                    marker.range);
                        }
                        setRecovery();
                        broken = true;
                        break;
                    }
                    const Token &name = read();
                    trav.steps.append(attrStep(identifier(name),
                        SourceRange::between(innerDot.range, name.range)));
                    lastRange = name.range;
                }
                if (broken)
                    continue;

                auto item = std::make_shared<AnonSymbolExpr>();
                item->range = SourceRange::between(dot.range, marker.range);
                item->startRange = item->range;
                ExprPtr each = item;
                if (!trav.steps.isEmpty()) {
                    auto rel = std::make_shared<RelativeTraversalExpr>();
                    rel->source = item;
                    rel->traversal = std::move(trav);
                    rel->range = SourceRange::between(firstRange, lastRange);
                    rel->startRange = rel->range;
                    each = rel;
                }
                auto splat = std::make_shared<SplatExpr>();
                splat->range = SourceRange::between(from->range, lastRange);
                splat->startRange = splat->markerRange;
                splat->markerRange = SourceRange::between(dot.range, marker.range);
                splat->source = ret;
                splat->each = each;
                splat->item = item;
                ret = splat;
            } else {
                diags += diag(QStringLiteral("Invalid attribute name"),
                    QStringLiteral("An attribute name is required after a dot."), attrTok.range);
                // The peeker is now somewhere unhelpful; stay quiet until resync.
                setRecovery();
            }
            continue;
        }

        if (next.type == TokenType::OBrack) {
            const Token &open = read();
            if (peek().type == TokenType::Star) {
                // Full splat: every following traversal step applies per element.
                read();
                Token close = read();
                if (close.type != TokenType::CBrack && !recovery) {
                    diags += diag(QStringLiteral("Missing close bracket on splat index"),
                        QStringLiteral("The star for a full splat operator must be immediately "
                                       "followed by a closing bracket (\"]\")."),
                        close.range);
                    close = recover(TokenType::CBrack);
                }
                auto item = std::make_shared<AnonSymbolExpr>();
                item->range = SourceRange::between(open.range, close.range);
                item->startRange = item->range;
                ExprPtr each = parseTraversalsAfter(item, diags);
                auto splat = std::make_shared<SplatExpr>();
                splat->range = SourceRange::between(from->range, each->range);
                splat->startRange = splat->markerRange;
                splat->markerRange = SourceRange::between(open.range, close.range);
                splat->source = ret;
                splat->each = each;
                splat->item = item;
                ret = splat;
                continue;
            }

            Token close;
            pushNewlines(false); // arbitrary newlines are allowed in brackets
            Diagnostics keyDiags;
            ExprPtr key = parseExpression(keyDiags);
            diags += keyDiags;
            if (recovery && keyDiags.hasErrors()) {
                close = recover(TokenType::CBrack);
            } else {
                close = read();
                if (close.type != TokenType::CBrack && !recovery) {
                    diags += diag(QStringLiteral("Missing close bracket on index"),
                        QStringLiteral(
                            "The index operator must end with a closing bracket (\"]\")."),
                        close.range);
                    close = recover(TokenType::CBrack);
                }
            }
            popNewlines();

            const SourceRange rng = SourceRange::between(open.range, close.range);
            // A constant key is a static traversal step; anything else an IndexExpr.
            if (key->kind == ExprKind::Literal) {
                ret = makeRelativeTraversal(
                    ret, indexStep(static_cast<const LiteralExpr &>(*key).value, rng), rng);
            } else if (key->kind == ExprKind::Template
                && static_cast<const TemplateExpr &>(*key).parts.size() == 1
                && static_cast<const TemplateExpr &>(*key).parts.first()->kind
                    == ExprKind::Literal) {
                const auto &lit = static_cast<const LiteralExpr &>(
                    *static_cast<const TemplateExpr &>(*key).parts.first());
                ret = makeRelativeTraversal(ret, indexStep(lit.value, rng), rng);
            } else {
                auto idx = std::make_shared<IndexExpr>();
                idx->range = SourceRange::between(from->range, rng);
                idx->startRange = open.range;
                idx->bracketRange = rng;
                idx->collection = ret;
                idx->key = key;
                ret = idx;
            }
            continue;
        }
        break;
    }
    return ret;
}

Traversal ParserImpl::parseTraversal(bool allowSplats, Diagnostics &diags)
{
    Traversal ret;
    const Token &varTok = read();
    if (varTok.type != TokenType::Ident) {
        diags += diag(QStringLiteral("Variable name required"),
            QStringLiteral("Must begin with a variable name."), varTok.range);
        return ret;
    }
    TraversalStep root;
    root.kind = TraversalStep::Kind::Root;
    root.name = identifier(varTok);
    root.range = varTok.range;
    ret.steps.append(root);

    const QString unclosed = QStringLiteral("Unclosed index brackets");
    const QString unclosedDetail
        = QStringLiteral("Index key must be followed by a closing bracket.");
    for (;;) {
        const Token &next = peek();
        if (next.type == TokenType::EndOfFile)
            return ret;
        if (next.type == TokenType::Dot) {
            const Token &dot = read();
            const Token &nameTok = read();
            if (nameTok.type != TokenType::Ident) {
                diags += diag(QStringLiteral("Attribute name required"),
                    nameTok.type == TokenType::Star
                        ? QStringLiteral("Splat expressions (.*) may not be used here.")
                        : QStringLiteral("Dot must be followed by attribute name."),
                    nameTok.range, SourceRange::between(varTok.range, nameTok.range));
                return ret;
            }
            ret.steps.append(attrStep(
                identifier(nameTok), SourceRange::between(dot.range, nameTok.range)));
            continue;
        }
        if (next.type == TokenType::OBrack) {
            const Token &open = read();
            const Token &key = peek();
            if (key.type == TokenType::NumberLit || key.type == TokenType::OQuote) {
                Value keyVal;
                if (key.type == TokenType::NumberLit) {
                    keyVal = numberLitValue(read(), diags);
                } else {
                    SourceRange strRange;
                    keyVal = Value::string(parseQuotedStringLiteral(&strRange, diags));
                }
                const Token &close = read();
                if (close.type != TokenType::CBrack)
                    diags += diag(unclosed, unclosedDetail, close.range,
                        SourceRange::between(open.range, close.range));
                ret.steps.append(indexStep(keyVal, SourceRange::between(open.range, close.range)));
                if (diags.hasErrors())
                    return ret;
                continue;
            }
            if (key.type == TokenType::Star && allowSplats) {
                read();
                const Token &close = read();
                if (close.type != TokenType::CBrack)
                    diags += diag(unclosed, unclosedDetail, close.range,
                        SourceRange::between(open.range, close.range));
                TraversalStep splat;
                splat.kind = TraversalStep::Kind::Splat;
                splat.range = SourceRange::between(open.range, close.range);
                ret.steps.append(splat);
                if (diags.hasErrors())
                    return ret;
                continue;
            }
            if (key.type == TokenType::Star)
                diags += diag(QStringLiteral("Attribute name required"),
                    QStringLiteral("Splat expressions ([*]) may not be used here."), key.range,
                    SourceRange::between(varTok.range, key.range));
            else
                diags += diag(QStringLiteral("Index value required"),
                    QStringLiteral(
                        "Index brackets must contain either a literal number or a literal string."),
                    key.range, SourceRange::between(varTok.range, key.range));
            return ret;
        }
        diags += diag(QStringLiteral("Invalid character"),
            QStringLiteral("Expected an attribute access or an index operator."), next.range,
            SourceRange::between(varTok.range, next.range));
        return ret;
    }
}

} // namespace kiln::hcl::detail
