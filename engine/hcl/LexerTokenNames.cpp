#include "engine/hcl/Token.h"

namespace kiln::hcl {

QString tokenTypeName(TokenType type)
{
    // Same spelling as hclsyntax's generated TokenType.String(), so debug
    // output and test expectations read like HCL's.
    switch (type) {
    case TokenType::OBrace:
        return QStringLiteral("TokenOBrace");
    case TokenType::CBrace:
        return QStringLiteral("TokenCBrace");
    case TokenType::OBrack:
        return QStringLiteral("TokenOBrack");
    case TokenType::CBrack:
        return QStringLiteral("TokenCBrack");
    case TokenType::OParen:
        return QStringLiteral("TokenOParen");
    case TokenType::CParen:
        return QStringLiteral("TokenCParen");
    case TokenType::OQuote:
        return QStringLiteral("TokenOQuote");
    case TokenType::CQuote:
        return QStringLiteral("TokenCQuote");
    case TokenType::OHeredoc:
        return QStringLiteral("TokenOHeredoc");
    case TokenType::CHeredoc:
        return QStringLiteral("TokenCHeredoc");
    case TokenType::Star:
        return QStringLiteral("TokenStar");
    case TokenType::Slash:
        return QStringLiteral("TokenSlash");
    case TokenType::Plus:
        return QStringLiteral("TokenPlus");
    case TokenType::Minus:
        return QStringLiteral("TokenMinus");
    case TokenType::Percent:
        return QStringLiteral("TokenPercent");
    case TokenType::Equal:
        return QStringLiteral("TokenEqual");
    case TokenType::EqualOp:
        return QStringLiteral("TokenEqualOp");
    case TokenType::NotEqual:
        return QStringLiteral("TokenNotEqual");
    case TokenType::LessThan:
        return QStringLiteral("TokenLessThan");
    case TokenType::LessThanEq:
        return QStringLiteral("TokenLessThanEq");
    case TokenType::GreaterThan:
        return QStringLiteral("TokenGreaterThan");
    case TokenType::GreaterThanEq:
        return QStringLiteral("TokenGreaterThanEq");
    case TokenType::And:
        return QStringLiteral("TokenAnd");
    case TokenType::Or:
        return QStringLiteral("TokenOr");
    case TokenType::Bang:
        return QStringLiteral("TokenBang");
    case TokenType::Dot:
        return QStringLiteral("TokenDot");
    case TokenType::Comma:
        return QStringLiteral("TokenComma");
    case TokenType::Ellipsis:
        return QStringLiteral("TokenEllipsis");
    case TokenType::FatArrow:
        return QStringLiteral("TokenFatArrow");
    case TokenType::Question:
        return QStringLiteral("TokenQuestion");
    case TokenType::Colon:
        return QStringLiteral("TokenColon");
    case TokenType::TemplateInterp:
        return QStringLiteral("TokenTemplateInterp");
    case TokenType::TemplateControl:
        return QStringLiteral("TokenTemplateControl");
    case TokenType::TemplateSeqEnd:
        return QStringLiteral("TokenTemplateSeqEnd");
    case TokenType::QuotedLit:
        return QStringLiteral("TokenQuotedLit");
    case TokenType::StringLit:
        return QStringLiteral("TokenStringLit");
    case TokenType::NumberLit:
        return QStringLiteral("TokenNumberLit");
    case TokenType::Ident:
        return QStringLiteral("TokenIdent");
    case TokenType::Comment:
        return QStringLiteral("TokenComment");
    case TokenType::Newline:
        return QStringLiteral("TokenNewline");
    case TokenType::EndOfFile:
        return QStringLiteral("TokenEOF");
    case TokenType::BitwiseAnd:
        return QStringLiteral("TokenBitwiseAnd");
    case TokenType::BitwiseOr:
        return QStringLiteral("TokenBitwiseOr");
    case TokenType::BitwiseNot:
        return QStringLiteral("TokenBitwiseNot");
    case TokenType::BitwiseXor:
        return QStringLiteral("TokenBitwiseXor");
    case TokenType::StarStar:
        return QStringLiteral("TokenStarStar");
    case TokenType::Apostrophe:
        return QStringLiteral("TokenApostrophe");
    case TokenType::Backtick:
        return QStringLiteral("TokenBacktick");
    case TokenType::Semicolon:
        return QStringLiteral("TokenSemicolon");
    case TokenType::Tabs:
        return QStringLiteral("TokenTabs");
    case TokenType::Invalid:
        return QStringLiteral("TokenInvalid");
    case TokenType::BadUTF8:
        return QStringLiteral("TokenBadUTF8");
    case TokenType::QuotedNewline:
        return QStringLiteral("TokenQuotedNewline");
    }
    return QStringLiteral("TokenNil");
}

} // namespace kiln::hcl
