#pragma once

// Static analysis of expressions, as hashicorp/hcl's ExprList, ExprMap, ExprCall,
// AbsTraversalForExpr, RelTraversalForExpr and ExprAsKeyword: they look at the
// syntax without evaluating it. Packer's loader uses them for keyword lists and
// references (`sources = [...]`, `iterator = x`), typeexpr for type constraints.
// A string in the JSON syntax (a bare template of one literal) is read as
// traversal syntax, as hcl's JSON expressions do.

#include "engine/hcl/Ast.h"
#include "engine/hcl/Diagnostic.h"

#include <QList>
#include <QString>
#include <optional>

namespace kiln::hcl {

struct KeyValuePair
{
    ExprPtr key;
    ExprPtr value;
};

// hcl.StaticCall: a function call seen as syntax.
struct StaticCall
{
    QString name;
    SourceRange nameRange;
    QList<ExprPtr> arguments;
    SourceRange argsRange; // from the opening through the closing parenthesis
};

// The elements of a tuple constructor `[a, b]`. Anything else: an empty list and
// "Invalid expression" / "A static list expression is required.".
QList<ExprPtr> exprList(const ExprPtr &expr, Diagnostics &diags);

// The items of an object constructor `{k = v}`. Anything else: "Invalid
// expression" / "A static map expression is required.".
QList<KeyValuePair> exprMap(const ExprPtr &expr, Diagnostics &diags);

// A function call `f(a, b)`. Anything else: nullopt and "Invalid expression" /
// "A static function call is required.".
std::optional<StaticCall> exprCall(const ExprPtr &expr, Diagnostics &diags);

// `a.b[0]` as a traversal (keywords null/true/false read as names). Anything
// else: an empty traversal and "Invalid expression" / "A single static variable
// reference is required: ...".
Traversal absTraversalForExpr(const ExprPtr &expr, Diagnostics &diags);

// As absTraversalForExpr, with the root turned into an attribute step.
Traversal relTraversalForExpr(const ExprPtr &expr, Diagnostics &diags);

// Where hcl's StartRange() says `expr` begins, the subject of diagnostics about
// an expression as a whole: a call's name and "(", a traversal entirely, a
// collection's opening bracket, an operator expression's first operand, ...
// Derived from the tree, so it does not depend on how a parser filled in
// Expr::startRange.
SourceRange expressionStartRange(const ExprPtr &expr);

// The single name of a one-step traversal (`string`, `any`, `null`), else "".
QString exprAsKeyword(const ExprPtr &expr);

} // namespace kiln::hcl
