#pragma once

#include "engine/hcl/Diagnostic.h"
#include "engine/hcl/Token.h"

#include <QByteArray>
#include <QString>

namespace kiln::hcl {

// Which scanner state the input starts in. Config and Expression start in
// the normal (expression) scanner; Template starts in the bare-template
// scanner, where text is literal until "${" or "%{".
enum class LexMode { Config, Template, Expression };

// Splits UTF-8 source into tokens exactly as hclsyntax's scanner does
// (scan_tokens.rl): same token boundaries, same bytes, same ranges. A leading
// UTF-8 byte order mark is skipped (counted in byte offsets only). The result
// always ends with one EndOfFile token. Errors are never raised here: bad
// input becomes Invalid/BadUTF8/QuotedNewline/... tokens, which
// checkInvalidTokens() and the parser turn into diagnostics.
Tokens lex(const QByteArray &src, LexMode mode, const QString &filename, SourcePos start = {});

// As hclsyntax.LexConfig / LexTemplate / LexExpression, minus the diagnostics
// (call checkInvalidTokens() for those).
Tokens lexConfig(const QByteArray &src, const QString &filename, SourcePos start = {});
Tokens lexTemplate(const QByteArray &src, const QString &filename, SourcePos start = {});
Tokens lexExpression(const QByteArray &src, const QString &filename, SourcePos start = {});

// Error diagnostics for tokens that can never be valid HCL (bitwise operators,
// single quotes, backticks, semicolons, tabs, bad UTF-8, newlines inside quoted
// strings, stray characters), worded and rate-limited as hclsyntax's
// checkInvalidTokens.
Diagnostics checkInvalidTokens(const Tokens &tokens);

// True when the whole string is one HCL identifier, as hclsyntax.ValidIdentifier.
bool isValidIdentifier(const QByteArray &name);

} // namespace kiln::hcl
