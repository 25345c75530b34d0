// Expressions: conditionals, operators, terms and function calls (hclsyntax
// parser.go). Collections and for expressions are in ParserCollections.cpp,
// traversals and splats in ParserTraversals.cpp.

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

// Operator precedence levels, loosest first (hclsyntax binaryOps).
constexpr int kBinaryLevels = 6;

bool binaryOperatorAt(int level, TokenType t, BinaryOperator *op)
{
    switch (level) {
    case 0:
        if (t == TokenType::Or)
            return *op = BinaryOperator::Or, true;
        return false;
    case 1:
        if (t == TokenType::And)
            return *op = BinaryOperator::And, true;
        return false;
    case 2:
        if (t == TokenType::EqualOp)
            return *op = BinaryOperator::Equal, true;
        if (t == TokenType::NotEqual)
            return *op = BinaryOperator::NotEqual, true;
        return false;
    case 3:
        switch (t) {
        case TokenType::GreaterThan:
            return *op = BinaryOperator::Greater, true;
        case TokenType::GreaterThanEq:
            return *op = BinaryOperator::GreaterOrEqual, true;
        case TokenType::LessThan:
            return *op = BinaryOperator::Less, true;
        case TokenType::LessThanEq:
            return *op = BinaryOperator::LessOrEqual, true;
        default:
            return false;
        }
    case 4:
        if (t == TokenType::Plus)
            return *op = BinaryOperator::Add, true;
        if (t == TokenType::Minus)
            return *op = BinaryOperator::Subtract, true;
        return false;
    case 5:
        if (t == TokenType::Star)
            return *op = BinaryOperator::Multiply, true;
        if (t == TokenType::Slash)
            return *op = BinaryOperator::Divide, true;
        if (t == TokenType::Percent)
            return *op = BinaryOperator::Modulo, true;
        return false;
    default:
        return false;
    }
}

// True for a token that is a binary operator at some level.
bool isBinaryOperatorToken(TokenType t)
{
    switch (t) {
    case TokenType::Or:
    case TokenType::And:
    case TokenType::EqualOp:
    case TokenType::NotEqual:
    case TokenType::GreaterThan:
    case TokenType::GreaterThanEq:
    case TokenType::LessThan:
    case TokenType::LessThanEq:
    case TokenType::Plus:
    case TokenType::Minus:
    case TokenType::Star:
    case TokenType::Slash:
    case TokenType::Percent:
        return true;
    default:
        return false;
    }
}

ExprPtr makeBinary(BinaryOperator op, ExprPtr lhs, ExprPtr rhs, const SourceRange &opRange)
{
    auto e = std::make_shared<BinaryOpExpr>();
    e->op = op;
    e->range = SourceRange::between(lhs->range, rhs->range);
    e->startRange = lhs->startRange;
    e->opRange = opRange;
    e->lhs = std::move(lhs);
    e->rhs = std::move(rhs);
    return e;
}

ExprPtr makeLiteral(Value v, const SourceRange &range)
{
    auto lit = std::make_shared<LiteralExpr>();
    lit->value = std::move(v);
    lit->range = range;
    lit->startRange = range;
    return lit;
}

} // namespace

ExprPtr ParserImpl::parseExpression(Diagnostics &diags)
{
    return parseTernaryConditional(diags);
}

// `cond ? a : b`: the middle is parsed as if in parentheses, the false branch
// right-associatively.
ExprPtr ParserImpl::parseTernaryConditional(Diagnostics &diags)
{
    // Kept by reference (tokens do not move while parsing): only a conditional
    // or an error needs the range, not every expression.
    const Token &startTok = peek();
    Diagnostics condDiags;
    ExprPtr cond = parseBinaryOps(0, condDiags);
    if (!condDiags.isEmpty())
        diags += condDiags;
    if (recovery && condDiags.hasErrors())
        return cond;
    if (peek().type != TokenType::Question)
        return cond;
    read();

    Diagnostics trueDiags;
    ExprPtr trueExpr = parseExpression(trueDiags);
    diags += trueDiags;
    if (recovery && trueDiags.hasErrors())
        return cond;

    const Token &colon = peek();
    if (colon.type != TokenType::Colon) {
        diags += diag(QStringLiteral("Missing false expression in conditional"),
            QStringLiteral("The conditional operator (...?...:...) requires a false expression, "
                           "delimited by a colon."),
            colon.range, SourceRange::between(startTok.range, colon.range));
        return cond;
    }
    read();

    Diagnostics falseDiags;
    ExprPtr falseExpr = parseExpression(falseDiags);
    diags += falseDiags;
    if (recovery && falseDiags.hasErrors())
        return cond;

    auto e = std::make_shared<ConditionalExpr>();
    e->range = SourceRange::between(startTok.range, falseExpr->range);
    e->startRange = cond->startRange;
    e->condition = std::move(cond);
    e->trueResult = std::move(trueExpr);
    e->falseResult = std::move(falseExpr);
    return e;
}

// Operators of `level` and every tighter level; equal precedence associates to the
// left. This is hclsyntax's one-function-per-level recursion turned inside out: the
// operand is parsed once and each level's loop then runs from the tightest level
// outwards. The recursive form paid a frame, a diagnostics list and a peek per level
// for every operand, although almost all operands are followed by no operator; the
// trees, diagnostics and recovery points are the same.
ExprPtr ParserImpl::parseBinaryOps(int level, Diagnostics &diags)
{
    if (level >= kBinaryLevels)
        return parseExpressionWithTraversals(diags);

    // Everything reported since the operand started: what the recursive form held as
    // the left operand's diagnostics when it reached each level.
    Diagnostics own;
    ExprPtr lhs = parseExpressionWithTraversals(own);
    // Almost every operand is followed by no operator at all: then no level
    // has anything to do.
    if (!isBinaryOperatorToken(peek().type)) {
        if (!own.isEmpty())
            diags += own;
        return lhs;
    }
    for (int current = kBinaryLevels - 1; current >= level; --current) {
        if (recovery && own.hasErrors())
            break;
        BinaryOperator op;
        while (binaryOperatorAt(current, peek().type, &op)) {
            const SourceRange opRange = read().range;
            Diagnostics rhsDiags;
            ExprPtr rhs = parseBinaryOps(current + 1, rhsDiags);
            own += rhsDiags;
            // A broken right operand ends this level (and so every looser one) with
            // the expression so far, without the dangling operator.
            if (recovery && rhsDiags.hasErrors())
                break;
            lhs = makeBinary(op, std::move(lhs), std::move(rhs), opRange);
        }
    }
    diags += own;
    return lhs;
}

ExprPtr ParserImpl::parseExpressionWithTraversals(Diagnostics &diags)
{
    ExprPtr term = parseExpressionTerm(diags);
    return parseTraversalsAfter(std::move(term), diags);
}

Value ParserImpl::numberLitValue(const Token &tok, Diagnostics &diags)
{
    const QString text = QString::fromLatin1(tok.bytes);
    if (auto n = Number::parse(text))
        return Value::number(*n);
    diags += diag(QStringLiteral("Invalid number literal"),
        QStringLiteral("Failed to recognize the value of this number literal."), tok.range);
    return Value::unknown(Type::number());
}

ExprPtr ParserImpl::parseExpressionTerm(Diagnostics &diags)
{
    const Token &start = peek();
    switch (start.type) {
    case TokenType::OParen: {
        const Token &oParen = read();
        pushNewlines(false);
        Diagnostics innerDiags;
        ExprPtr inner = parseExpression(innerDiags);
        diags += innerDiags;
        if (innerDiags.hasErrors()) {
            // Try to land after our closing paren so the next parser has a chance.
            recover(TokenType::CParen);
            popNewlines();
            return inner;
        }
        const Token &close = peek();
        if (close.type != TokenType::CParen) {
            diags += diag(QStringLiteral("Unbalanced parentheses"),
                QStringLiteral("Expected a closing parenthesis to terminate the expression."),
                close.range, SourceRange::between(oParen.range, close.range));
            setRecovery();
        }
        const Token &cParen = read();
        popNewlines();
        auto e = std::make_shared<ParenthesesExpr>();
        e->range = SourceRange::between(oParen.range, cParen.range);
        e->startRange = e->range;
        e->inner = std::move(inner);
        return e;
    }
    case TokenType::NumberLit: {
        const Token &tok = read();
        return makeLiteral(numberLitValue(tok, diags), tok.range);
    }
    case TokenType::Ident: {
        const Token &tok = read();
        if (peek().type == TokenType::OParen)
            return finishParsingFunctionCall(tok, diags);
        if (tok.bytes == "true")
            return makeLiteral(Value::trueValue(), tok.range);
        if (tok.bytes == "false")
            return makeLiteral(Value::falseValue(), tok.range);
        if (tok.bytes == "null")
            return makeLiteral(Value::dynamicNull(), tok.range);
        auto e = std::make_shared<ScopeTraversalExpr>();
        // Nearly every reference has one attribute step at least (var.x,
        // local.y): room for it now saves growing the list right away.
        if (peek().type == TokenType::Dot)
            e->traversal.steps.reserve(2);
        TraversalStep root;
        root.kind = TraversalStep::Kind::Root;
        root.name = identifier(tok);
        root.range = tok.range;
        e->traversal.steps.append(std::move(root));
        e->range = tok.range;
        e->startRange = tok.range;
        return e;
    }
    case TokenType::OQuote:
    case TokenType::OHeredoc: {
        const Token &open = read();
        const TokenType closer = oppositeBracket(open.type);
        const bool flush = open.type == TokenType::OHeredoc && open.bytes.startsWith("<<-");
        TemplateResult t = parseTemplateInner(closer, flush, diags);
        const SourceRange range = SourceRange::between(open.range, prevRange());
        if (t.passthru) {
            auto e = std::make_shared<TemplateWrapExpr>();
            e->wrapped = t.exprs.first();
            e->range = range;
            e->startRange = range;
            return e;
        }
        auto e = std::make_shared<TemplateExpr>();
        e->parts = std::move(t.exprs);
        e->isHeredoc = open.type == TokenType::OHeredoc;
        e->range = range;
        e->startRange = e->parts.isEmpty() ? range : e->parts.first()->startRange;
        return e;
    }
    case TokenType::Minus:
    case TokenType::Bang: {
        const Token &tok = read();
        // Only the term and its traversals: -46+5 is (-46)+5, not -(46+5).
        ExprPtr operand = parseExpressionWithTraversals(diags);
        auto e = std::make_shared<UnaryOpExpr>();
        e->op = tok.type == TokenType::Minus ? UnaryOperator::Negate : UnaryOperator::Not;
        e->range = SourceRange::between(tok.range, operand->range);
        e->startRange = tok.range;
        e->opRange = tok.range;
        e->operand = std::move(operand);
        return e;
    }
    case TokenType::OBrack:
        return parseTupleCons(diags);
    case TokenType::OBrace:
        return parseObjectCons(diags);
    default:
        if (!recovery) {
            if (start.type == TokenType::EndOfFile)
                diags += diag(QStringLiteral("Missing expression"),
                    QStringLiteral(
                        "Expected the start of an expression, but found the end of the file."),
                    start.range);
            else
                diags += diag(QStringLiteral("Invalid expression"),
                    QStringLiteral("Expected the start of an expression, but found an invalid "
                                   "expression token."),
                    start.range);
        }
        setRecovery();
        // A placeholder keeps the tree structurally sound.
        return errorPlaceholder(start.range);
    }
}

ExprPtr ParserImpl::finishParsingFunctionCall(const Token &name, Diagnostics &diags)
{
    const Token &openTok = read();
    auto call = std::make_shared<FunctionCallExpr>();
    call->name = identifier(name);
    call->nameRange = name.range;
    call->openParenRange = openTok.range;

    Token closeTok;
    bool haveClose = false;
    pushNewlines(false); // arbitrary newlines are allowed inside the parentheses
    for (;;) {
        if (peek().type == TokenType::CParen) {
            closeTok = read();
            haveClose = true;
            break;
        }
        Diagnostics argDiags;
        ExprPtr arg = parseExpression(argDiags);
        call->args.append(arg);
        if (!argDiags.isEmpty())
            diags += argDiags;
        if (recovery && argDiags.hasErrors()) {
            // Probably somewhere odd: give up with a partial argument list.
            const Token &recovered = recover(TokenType::CParen);
            if (recovered.type == TokenType::CParen) {
                closeTok = recovered;
                haveClose = true;
            }
            break;
        }
        const Token &sep = read();
        if (sep.type == TokenType::CParen) {
            closeTok = sep;
            haveClose = true;
            break;
        }
        if (sep.type == TokenType::Ellipsis) {
            call->expandFinal = true;
            if (peek().type != TokenType::CParen) {
                if (!recovery)
                    diags += diag(QStringLiteral("Missing closing parenthesis"),
                        QStringLiteral("An expanded function argument (with ...) must be "
                                       "immediately followed by closing parentheses."),
                        sep.range, SourceRange::between(name.range, sep.range));
                closeTok = recover(TokenType::CParen);
            } else {
                closeTok = read();
            }
            haveClose = true;
            break;
        }
        if (sep.type != TokenType::Comma) {
            if (sep.type == TokenType::EndOfFile)
                diags += diag(QStringLiteral("Unterminated function call"),
                    QStringLiteral("There is no closing parenthesis for this function call before "
                                   "the end of the file. "
                                   "This may be caused by incorrect parenthesis nesting elsewhere "
                                   "in this file."),
                    SourceRange::between(name.range, openTok.range));
            else
                diags += diag(QStringLiteral("Missing argument separator"),
                    QStringLiteral(
                        "A comma is required to separate each function argument from the next."),
                    sep.range, SourceRange::between(name.range, sep.range));
            closeTok = recover(TokenType::CParen);
            haveClose = true;
            break;
        }
        if (peek().type == TokenType::CParen) { // trailing comma
            closeTok = read();
            haveClose = true;
            break;
        }
    }
    popNewlines();

    call->closeParenRange = haveClose ? closeTok.range : prevRange();
    call->range = SourceRange::between(name.range, call->closeParenRange);
    call->startRange = SourceRange::between(name.range, openTok.range);
    return call;
}

} // namespace kiln::hcl::detail
