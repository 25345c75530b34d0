#pragma once

// Template "parts", the intermediate form between the token stream and the
// template tree (hclsyntax parser_template.go's templateToken types). Internal
// to the parser: ParserTemplates.cpp produces them, ParserTemplateTree.cpp folds them.

#include "engine/hcl/Ast.h"
#include "engine/hcl/Diagnostic.h"

#include <vector>

namespace kiln::hcl::detail {

enum class PartKind { Literal, Interp, If, For, Else, EndIf, EndFor, End };

struct Part
{
    PartKind kind = PartKind::Literal;
    QString text; // Literal
    ExprPtr expr; // Interp: the expression; If: condition; For: collection
    QString keyVar, valVar; // For
    SourceRange keyVarRange, valVarRange; // For
    SourceRange range;
};

// Folds parts (ending with an End part) into literals, interpolations,
// conditionals (%{if}) and joins over for expressions (%{for}). `quiet`
// suppresses the imbalance errors when the parts already carry an error.
QList<ExprPtr> buildTemplateTree(const std::vector<Part> &parts, bool quiet, Diagnostics &diags);

} // namespace kiln::hcl::detail
