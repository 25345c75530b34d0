#include "engine/hcl/Lexer.h"

#include "engine/hcl/LexerScanner.h"

namespace kiln::hcl {

Tokens lex(const QByteArray &src, LexMode mode, const QString &filename, SourcePos start)
{
    return lexer::Scanner(src, mode, filename, start).run();
}

Tokens lexConfig(const QByteArray &src, const QString &filename, SourcePos start)
{
    return lex(src, LexMode::Config, filename, start);
}

Tokens lexTemplate(const QByteArray &src, const QString &filename, SourcePos start)
{
    return lex(src, LexMode::Template, filename, start);
}

Tokens lexExpression(const QByteArray &src, const QString &filename, SourcePos start)
{
    return lex(src, LexMode::Expression, filename, start);
}

bool isValidIdentifier(const QByteArray &name)
{
    // hclsyntax.ValidIdentifier scans in ident-only mode and accepts exactly one
    // Ident token covering the whole input.
    const Tokens toks = lexConfig(name, QString());
    return toks.size() == 2 && toks[0].type == TokenType::Ident && toks[0].bytes == name;
}

} // namespace kiln::hcl
