#include "engine/hcl/Lexer.h"

namespace kiln::hcl {

// Mirrors hclsyntax's checkInvalidTokens, including its rate limiting: each
// kind of mistake is reported a bounded number of times so that, say, a file
// indented with tabs does not produce one error per line.
Diagnostics checkInvalidTokens(const Tokens &tokens)
{
    Diagnostics diags;
    int toldBitwise = 0;
    int toldExponent = 0;
    int toldBacktick = 0;
    int toldApostrophe = 0;
    int toldSemicolon = 0;
    int toldTabs = 0;
    int toldBadUTF8 = 0;

    const QString invalidChar = QStringLiteral("Invalid character");
    for (const Token &tok : tokens) {
        switch (tok.type) {
        case TokenType::BitwiseAnd:
        case TokenType::BitwiseOr:
        case TokenType::BitwiseXor:
        case TokenType::BitwiseNot:
            if (toldBitwise < 4) {
                QString suggestion;
                if (tok.type == TokenType::BitwiseAnd)
                    suggestion = QStringLiteral(" Did you mean boolean AND (\"&&\")?");
                else if (tok.type == TokenType::BitwiseOr)
                    suggestion = QStringLiteral(" Did you mean boolean OR (\"||\")?");
                else if (tok.type == TokenType::BitwiseNot)
                    suggestion = QStringLiteral(" Did you mean boolean NOT (\"!\")?");
                diags += Diagnostic::error(QStringLiteral("Unsupported operator"),
                    QStringLiteral("Bitwise operators are not supported.") + suggestion, tok.range);
                ++toldBitwise;
            }
            break;
        case TokenType::StarStar:
            if (toldExponent < 1) {
                diags += Diagnostic::error(QStringLiteral("Unsupported operator"),
                    QStringLiteral("\"**\" is not a supported operator. "
                                   "Exponentiation is not supported as an "
                                   "operator."),
                    tok.range);
                ++toldExponent;
            }
            break;
        case TokenType::Backtick:
            // Only every other backtick is reported, so a backtick-quoted
            // string yields one error rather than two.
            if (toldBacktick % 2 == 0) {
                diags += Diagnostic::error(invalidChar,
                    QStringLiteral("The \"`\" character is not valid. To create a multi-line "
                                   "string, use the \"heredoc\" syntax, like \"<<EOT\"."),
                    tok.range);
            }
            if (toldBacktick <= 2)
                ++toldBacktick;
            break;
        case TokenType::Apostrophe:
            if (toldApostrophe % 2 == 0) {
                diags += Diagnostic::error(invalidChar,
                    QStringLiteral(
                        "Single quotes are not valid. Use double quotes (\") to enclose strings."),
                    tok.range);
            }
            if (toldApostrophe <= 2)
                ++toldApostrophe;
            break;
        case TokenType::Semicolon:
            if (toldSemicolon < 1) {
                diags += Diagnostic::error(invalidChar,
                    QStringLiteral("The \";\" character is not valid. Use newlines to separate "
                                   "arguments and blocks, and commas to separate items in "
                                   "collection values."),
                    tok.range);
                ++toldSemicolon;
            }
            break;
        case TokenType::Tabs:
            if (toldTabs < 1) {
                diags += Diagnostic::error(invalidChar,
                    QStringLiteral("Tab characters may not be used. The recommended indentation "
                                   "style is two spaces per indent."),
                    tok.range);
                ++toldTabs;
            }
            break;
        case TokenType::BadUTF8:
            if (toldBadUTF8 < 1) {
                diags += Diagnostic::error(QStringLiteral("Invalid character encoding"),
                    QStringLiteral("All input files must be UTF-8 encoded. Ensure that UTF-8 "
                                   "encoding is selected in your editor."),
                    tok.range);
                ++toldBadUTF8;
            }
            break;
        case TokenType::QuotedNewline:
            diags += Diagnostic::error(QStringLiteral("Invalid multi-line string"),
                QStringLiteral("Quoted strings may not be split over multiple lines. To produce a "
                               "multi-line string, either use the \\n escape to represent a "
                               "newline character or use the \"heredoc\" multi-line template "
                               "syntax."),
                tok.range);
            break;
        case TokenType::Invalid:
            if (tok.bytes == "\xE2\x80\x9C" || tok.bytes == "\xE2\x80\x9D") {
                diags += Diagnostic::error(invalidChar,
                    QStringLiteral("\"Curly quotes\" are not valid here. These can sometimes be "
                                   "inadvertently introduced when sharing code via documents or "
                                   "discussion forums. It might help to replace the character "
                                   "with a \"straight quote\"."),
                    tok.range);
            } else {
                diags += Diagnostic::error(invalidChar,
                    QStringLiteral("This character is not used within the language."), tok.range);
            }
            break;
        default:
            break;
        }
    }
    return diags;
}

} // namespace kiln::hcl
