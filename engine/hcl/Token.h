#pragma once

#include "engine/hcl/SourceRange.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace kiln::hcl {

// The kinds of token the HCL native-syntax scanner produces, as hclsyntax.TokenType.
// The tail of the list (from BitwiseAnd on) is not part of the language; the
// scanner recognises those characters so that the parser and checkInvalidTokens()
// can explain what is wrong instead of reporting a generic syntax error.
enum class TokenType {
    OBrace,
    CBrace,
    OBrack,
    CBrack,
    OParen,
    CParen,
    OQuote,
    CQuote,
    OHeredoc,
    CHeredoc,

    Star,
    Slash,
    Plus,
    Minus,
    Percent,

    Equal,
    EqualOp,
    NotEqual,
    LessThan,
    LessThanEq,
    GreaterThan,
    GreaterThanEq,

    And,
    Or,
    Bang,
    Dot,
    Comma,
    Ellipsis,
    FatArrow,
    Question,
    Colon,

    TemplateInterp, // "${" or "${~"
    TemplateControl, // "%{" or "%{~"
    TemplateSeqEnd, // "}" or "~}" closing a template sequence

    QuotedLit, // literal part of a quoted string; may contain backslash escapes
    StringLit, // literal part of a heredoc or bare template; no escapes
    NumberLit,
    Ident,
    Comment, // a line comment includes its terminating newline
    Newline,
    EndOfFile,

    BitwiseAnd,
    BitwiseOr,
    BitwiseNot,
    BitwiseXor,
    StarStar,
    Apostrophe,
    Backtick,
    Semicolon,
    Tabs,
    Invalid,
    BadUTF8,
    QuotedNewline,
};

// One token: its type, the exact source bytes it covers and where they are.
// Concatenating the bytes of all tokens plus the skipped inter-token spaces
// reproduces the source, which is what the formatter relies on.
struct Token
{
    TokenType type = TokenType::Invalid;
    QByteArray bytes;
    SourceRange range;
};

using Tokens = std::vector<Token>;

// "TokenOBrace", "TokenIdent", ... as hclsyntax's TokenType.String().
QString tokenTypeName(TokenType type);

} // namespace kiln::hcl
