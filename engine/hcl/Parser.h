#pragma once

#include "engine/hcl/Ast.h"
#include "engine/hcl/Diagnostic.h"
#include "engine/hcl/NameSuggestion.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kiln::hcl {

// Parses a native-syntax config file (hclsyntax.ParseConfig). Always returns a
// File with a body holding everything that could be recovered; one mistake gives
// one diagnostic, not a cascade.
File parseConfig(const QByteArray &src, const QString &filename, Diagnostics &diags, SourcePos start = {});

// Parses a standalone expression (hclsyntax.ParseExpression), e.g. for `kiln console`.
ExprPtr parseExpression(const QByteArray &src, const QString &filename, Diagnostics &diags, SourcePos start = {});

// Parses a bare template (hclsyntax.ParseTemplate): the text of a JSON string value,
// or a templatefile() file.
ExprPtr parseTemplate(const QByteArray &src, const QString &filename, Diagnostics &diags, SourcePos start = {});

// Parses a traversal such as "source.docker.ubuntu" (hclsyntax.ParseTraversalAbs).
Traversal parseTraversalAbs(const QByteArray &src, const QString &filename, Diagnostics &diags, SourcePos start = {});

// As parseTraversalAbs, but `[*]` splat steps are allowed (hclsyntax.ParseTraversalPartial).
Traversal parseTraversalPartial(const QByteArray &src, const QString &filename, Diagnostics &diags, SourcePos start = {});

} // namespace kiln::hcl
