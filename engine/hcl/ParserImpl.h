#pragma once

// The recursive-descent parser behind Parser.h, shaped after hclsyntax's parser
// so that the trees, ranges and diagnostics come out the same. It is internal to
// kiln_hcl_syntax; its members are spread over the Parser*.cpp files by topic.

#include "engine/hcl/Ast.h"
#include "engine/hcl/Diagnostic.h"
#include "engine/hcl/ParserTemplateParts.h"
#include "engine/hcl/Token.h"

#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiln::hcl::detail {

// A node still being built: the parser extends traversals in place (hcl's
// makeRelativeTraversal), so it works with mutable nodes and hands out ExprPtr.
using MutExprPtr = std::shared_ptr<Expr>;

class ParserImpl
{
public:
    explicit ParserImpl(const Tokens &tokens);

    // --- peeker (hclsyntax peeker.go): comments are skipped, newlines are
    // significant only while the innermost pushNewlines() says so; a line
    // comment then stands for the newline it ends with.
    // Most tokens are neither comments nor newlines; those are answered here,
    // inline (the parser peeks two or three times per token), and only the
    // rest goes through the general scan.
    const Token &peek()
    {
        if (m_next < m_tokens.size() && isPlainToken(m_tokens[m_next].type))
            return m_tokens[m_next];
        return peekSlow();
    }
    const Token &read()
    {
        if (m_next < m_tokens.size() && isPlainToken(m_tokens[m_next].type))
            return m_tokens[m_next++];
        return readSlow();
    }
    SourceRange nextRange() { return peek().range; }
    SourceRange prevRange();
    void pushNewlines(bool include)
    {
        m_newlines.push_back(include);
        m_includeNewlines = include;
    }
    void popNewlines()
    {
        m_newlines.pop_back();
        m_includeNewlines = m_newlines.empty() || m_newlines.back();
    }

    // The text of an identifier token. A template names the same few things
    // (var, local, type, default, its functions) thousands of times; handing out
    // one shared QString per distinct name saves a conversion and an allocation
    // for each repeat.
    QString identifier(const Token &tok);

    // --- recovery (hclsyntax parser.go). Once set, `recovery` stays set for
    // the rest of the parse so that one mistake does not cascade into many.
    bool recovery = false;
    void setRecovery() { recovery = true; }
    const Token &recover(TokenType end);
    void recoverOver(TokenType start);
    void recoverAfterBodyItem();
    // Kiln's gentler body-level recovery: skips the rest of the line (brackets
    // balanced) but stops before an unmatched `end`, so the enclosing body and
    // every later item survive.
    void recoverToNextItem(TokenType end);
    static TokenType oppositeBracket(TokenType t);

    // --- bodies (ParserBody.cpp)
    // `ownerColumn`: the column of the enclosing block's type name (0 for the
    // file body), used to salvage items from an unclosed block.
    std::shared_ptr<syntax::Body> parseBody(TokenType end, Diagnostics &diags, int ownerColumn = 0);

    // --- expressions (ParserExpressions.cpp, ParserTraversals.cpp, ParserCollections.cpp)
    ExprPtr parseExpression(Diagnostics &diags);
    ExprPtr parseTraversalsAfter(ExprPtr from, Diagnostics &diags);
    Traversal parseTraversal(bool allowSplats, Diagnostics &diags);
    Value numberLitValue(const Token &tok, Diagnostics &diags);

    // --- templates and strings (ParserTemplates.cpp, ParserStrings.cpp)
    ExprPtr parseTemplate(TokenType end, bool flushHeredoc, Diagnostics &diags);
    // A quoted string that may not contain template sequences (block labels).
    QString parseQuotedStringLiteral(SourceRange *range, Diagnostics &diags);

private:
    // bodies
    int parseBodyItem(
        syntax::Body &body, Diagnostics &diags, syntax::Attribute *attr, syntax::Block *block);
    std::shared_ptr<syntax::Body> parseSingleAttrBody(Diagnostics &diags);
    syntax::Attribute finishParsingBodyAttribute(
        const Token &ident, bool singleLine, Diagnostics &diags);
    syntax::Block finishParsingBodyBlock(const Token &ident, Diagnostics &diags);

    // expressions
    ExprPtr parseTernaryConditional(Diagnostics &diags);
    ExprPtr parseBinaryOps(int level, Diagnostics &diags);
    ExprPtr parseExpressionWithTraversals(Diagnostics &diags);
    ExprPtr parseExpressionTerm(Diagnostics &diags);
    ExprPtr finishParsingFunctionCall(const Token &name, Diagnostics &diags);
    ExprPtr parseTupleCons(Diagnostics &diags);
    ExprPtr parseObjectCons(Diagnostics &diags);
    ExprPtr finishParsingForExpr(const Token &open, Diagnostics &diags);

    // templates
    struct TemplateParts;
    struct TemplateResult
    {
        QList<ExprPtr> exprs;
        bool passthru = false;
        SourceRange range;
    };
    TemplateResult parseTemplateInner(TokenType end, bool flushHeredoc, Diagnostics &diags);
    void parseTemplateParts(TokenType end, TemplateParts &parts, Diagnostics &diags);

    const Token &commentNewline(size_t index);
    bool isPlainToken(TokenType t) const
    {
        return t != TokenType::Comment && (t != TokenType::Newline || m_includeNewlines);
    }
    const Token &peekSlow();
    const Token &readSlow();
    void spillMisnestedItems(syntax::Body &body, int ownerColumn);
    void adoptSpilledItems(syntax::Body &body, Diagnostics &diags);

    // Items moved out of an unclosed block, waiting for the enclosing body.
    syntax::Body m_spilled;

    const Tokens &m_tokens;
    size_t m_next = 0;
    std::vector<bool> m_newlines{true};
    // Whether the innermost pushNewlines() made newlines significant: kept
    // alongside the stack so that the hot paths need not read a vector<bool>.
    bool m_includeNewlines = true;
    // Synthetic newline tokens standing for the newline that ends a line comment,
    // keyed by the comment's index (stable addresses, created on first use).
    std::unordered_map<size_t, Token> m_commentNewlines;
    // Emptied part lists of finished templates, reused by the next ones (a
    // template nests inside another's interpolation, so there may be several).
    std::vector<std::vector<Part>> m_spareParts;
    // identifier()'s cache: a direct-mapped table keyed by views of the token
    // bytes (which live as long as the token list, so as long as the parser).
    // A slot is simply overwritten on a miss, so a stream of unique names
    // (setting_1 ... setting_2750) costs no allocation or rehashing, while the
    // few names used over and over keep finding their slot.
    struct NameSlot
    {
        std::string_view key;
        QString name;
    };
    std::vector<NameSlot> m_names;
};

// Placeholder for an expression that could not be parsed (hcl's cty.DynamicVal literal).
ExprPtr errorPlaceholder(const SourceRange &range);

// The decoded text of a QuotedLit or StringLit token (escapes resolved for the
// former), with "Invalid escape sequence" diagnostics (hcl's ParseStringLiteralToken).
QString parseStringLiteralToken(const Token &tok, Diagnostics &diags);

} // namespace kiln::hcl::detail
