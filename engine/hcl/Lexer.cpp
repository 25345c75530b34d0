#include "engine/hcl/Lexer.h"

#include "engine/hcl/LexerScanner.h"

#include <algorithm>

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
    // Ident token covering the whole input. For ASCII that is (letter | '_') followed
    // by letters, digits, '_' and '-', checked directly: loaders call this for every
    // variable, local and source name. Anything else goes through the scanner, whose
    // Unicode tables decide.
    const auto isLetter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    bool ascii = true;
    for (const char c : name)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
        if (name.isEmpty() || !(isLetter(name[0]) || name[0] == '_'))
            return false;
        return std::all_of(name.begin() + 1, name.end(), [&](char c) {
            return isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
        });
    }
    const Tokens toks = lexConfig(name, QString());
    return toks.size() == 2 && toks[0].type == TokenType::Ident && toks[0].bytes == name;
}

} // namespace kiln::hcl
