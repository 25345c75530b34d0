// The public entry points of the native-syntax parser (hclsyntax public.go).

#include "engine/hcl/Parser.h"

#include "engine/hcl/NameSuggestion.h"

#include "engine/hcl/Lexer.h"
#include "engine/hcl/ParserImpl.h"

#include <QPair>
#include <QSet>
#include <vector>

namespace kiln::hcl {

namespace {

// A bad character is reported by the lexer; the parser then trips over the
// same token and would report it again as a syntax error. Keep one diagnostic
// per mistake: drop parser errors on a line the lexer already complained about.
void mergeDiagnostics(Diagnostics &out, const Diagnostics &lexDiags, const Diagnostics &parseDiags)
{
    out += lexDiags;
    QSet<QPair<QString, int>> lines;
    for (const Diagnostic &d : lexDiags)
        if (d.subject)
            lines.insert({d.subject->filename, d.subject->start.line});
    for (const Diagnostic &d : parseDiags)
        if (!d.subject || !lines.contains({d.subject->filename, d.subject->start.line}))
            out += d;
}

} // namespace

File parseConfig(
    const QByteArray &src, const QString &filename, Diagnostics &diags, SourcePos start)
{
    const Tokens tokens = lexConfig(src, filename, start);
    const Diagnostics lexDiags = checkInvalidTokens(tokens);
    detail::ParserImpl parser(tokens);
    Diagnostics parseDiags;
    File file;
    file.filename = filename;
    file.source = src;
    file.body = parser.parseBody(TokenType::EndOfFile, parseDiags);
    mergeDiagnostics(diags, lexDiags, parseDiags);
    return file;
}

ExprPtr parseExpression(
    const QByteArray &src, const QString &filename, Diagnostics &diags, SourcePos start)
{
    const Tokens tokens = lexExpression(src, filename, start);
    const Diagnostics lexDiags = checkInvalidTokens(tokens);
    detail::ParserImpl parser(tokens);
    // A bare expression ignores newlines, as if it were in parentheses.
    parser.pushNewlines(false);
    Diagnostics parseDiags;
    ExprPtr expr = parser.parseExpression(parseDiags);
    const Token &next = parser.peek();
    if (next.type != TokenType::EndOfFile && !parser.recovery)
        parseDiags += Diagnostic::error(QStringLiteral("Extra characters after expression"),
            QStringLiteral(
                "An expression was successfully parsed, but extra characters were found after it."),
            next.range);
    parser.popNewlines();
    mergeDiagnostics(diags, lexDiags, parseDiags);
    return expr;
}

ExprPtr parseTemplate(
    const QByteArray &src, const QString &filename, Diagnostics &diags, SourcePos start)
{
    const Tokens tokens = lexTemplate(src, filename, start);
    const Diagnostics lexDiags = checkInvalidTokens(tokens);
    detail::ParserImpl parser(tokens);
    Diagnostics parseDiags;
    ExprPtr expr = parser.parseTemplate(TokenType::EndOfFile, false, parseDiags);
    mergeDiagnostics(diags, lexDiags, parseDiags);
    return expr;
}

static Traversal parseTraversalWith(const QByteArray &src, const QString &filename,
    Diagnostics &diags, SourcePos start, bool allowSplats)
{
    const Tokens tokens = lexExpression(src, filename, start);
    diags += checkInvalidTokens(tokens);
    detail::ParserImpl parser(tokens);
    parser.pushNewlines(false);
    Traversal t = parser.parseTraversal(allowSplats, diags);
    parser.popNewlines();
    return t;
}

Traversal parseTraversalAbs(
    const QByteArray &src, const QString &filename, Diagnostics &diags, SourcePos start)
{
    return parseTraversalWith(src, filename, diags, start, false);
}

Traversal parseTraversalPartial(
    const QByteArray &src, const QString &filename, Diagnostics &diags, SourcePos start)
{
    return parseTraversalWith(src, filename, diags, start, true);
}

} // namespace kiln::hcl
