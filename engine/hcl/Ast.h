#pragma once

// The HCL native-syntax tree (as hashicorp/hcl's hclsyntax package). Every node
// carries its source range. Expressions are immutable after parsing and shared.
// The HCL JSON syntax produces these same expression nodes (see json/JsonBody.h),
// so one evaluator serves both syntaxes.

#include "engine/hcl/Body.h"
#include "engine/hcl/SourceRange.h"
#include "engine/hcl/Traversal.h"
#include "engine/hcl/value/Value.h"

#include <QList>
#include <QSet>
#include <QString>

#include <memory>

namespace kiln::hcl {

enum class ExprKind {
    Literal, // LiteralValueExpr
    Template, // TemplateExpr: "a ${b} c", heredocs
    TemplateWrap, // TemplateWrapExpr: "${b}" alone, yields b's value unconverted
    TemplateJoin, // TemplateJoinExpr: the join of a %{for} directive's ForExpr tuple
    ScopeTraversal, // ScopeTraversalExpr: var.foo.bar[0]
    RelativeTraversal, // RelativeTraversalExpr: (expr).foo[0]
    FunctionCall, // FunctionCallExpr
    Conditional, // ConditionalExpr, also %{if} directives
    BinaryOp,
    UnaryOp,
    TupleCons, // [a, b]
    ObjectCons, // {a = b}
    ObjectConsKey, // a key inside ObjectCons: a bare identifier or an expression
    For, // for expressions, also %{for} directives
    Index, // coll[key] with a non-literal key
    Splat, // a.*.b / a[*].b
    AnonSymbol, // the per-element placeholder inside a splat
    Parentheses, // (expr), kept so the designer/formatter can see it
};

struct Expr
{
    explicit Expr(ExprKind k)
        : kind(k)
    {
    }
    virtual ~Expr() = default;
    const ExprKind kind;
    SourceRange range;
    // hcl's StartRange: where the expression begins (used for some diagnostics).
    SourceRange startRange;
};
using ExprPtr = std::shared_ptr<const Expr>;

struct LiteralExpr : Expr
{
    LiteralExpr()
        : Expr(ExprKind::Literal)
    {
    }
    Value value;
};

struct TemplateExpr : Expr
{
    TemplateExpr()
        : Expr(ExprKind::Template)
    {
    }
    QList<ExprPtr> parts; // literals and interpolated expressions, concatenated
    bool isHeredoc = false;
};

struct TemplateWrapExpr : Expr
{
    TemplateWrapExpr()
        : Expr(ExprKind::TemplateWrap)
    {
    }
    ExprPtr wrapped;
};

struct TemplateJoinExpr : Expr
{
    TemplateJoinExpr()
        : Expr(ExprKind::TemplateJoin)
    {
    }
    ExprPtr tuple; // a ForExpr producing a tuple of strings
};

struct ScopeTraversalExpr : Expr
{
    ScopeTraversalExpr()
        : Expr(ExprKind::ScopeTraversal)
    {
    }
    Traversal traversal; // absolute: first step is Root
};

struct RelativeTraversalExpr : Expr
{
    RelativeTraversalExpr()
        : Expr(ExprKind::RelativeTraversal)
    {
    }
    ExprPtr source;
    Traversal traversal; // relative: Attr/Index steps only
};

struct FunctionCallExpr : Expr
{
    FunctionCallExpr()
        : Expr(ExprKind::FunctionCall)
    {
    }
    QString name;
    QList<ExprPtr> args;
    bool expandFinal = false; // f(a, b...)
    SourceRange nameRange;
    SourceRange openParenRange;
    SourceRange closeParenRange;
};

struct ConditionalExpr : Expr
{
    ConditionalExpr()
        : Expr(ExprKind::Conditional)
    {
    }
    ExprPtr condition;
    ExprPtr trueResult;
    ExprPtr falseResult;
};

enum class BinaryOperator { Or, And, Equal, NotEqual, Greater, GreaterOrEqual, Less, LessOrEqual, Add, Subtract, Multiply, Divide, Modulo };
enum class UnaryOperator { Not, Negate };

struct BinaryOpExpr : Expr
{
    BinaryOpExpr()
        : Expr(ExprKind::BinaryOp)
    {
    }
    BinaryOperator op = BinaryOperator::Add;
    ExprPtr lhs;
    ExprPtr rhs;
    SourceRange opRange;
};

struct UnaryOpExpr : Expr
{
    UnaryOpExpr()
        : Expr(ExprKind::UnaryOp)
    {
    }
    UnaryOperator op = UnaryOperator::Not;
    ExprPtr operand;
    SourceRange opRange;
};

struct TupleConsExpr : Expr
{
    TupleConsExpr()
        : Expr(ExprKind::TupleCons)
    {
    }
    QList<ExprPtr> elements;
    SourceRange openRange;
};

struct ObjectConsKeyExpr : Expr
{
    ObjectConsKeyExpr()
        : Expr(ExprKind::ObjectConsKey)
    {
    }
    // A bare identifier key (`a = 1`) parses as a ScopeTraversal of one step; it is
    // then taken literally as the string "a" unless forceNonLiteral (`(a) = 1`).
    ExprPtr wrapped;
    bool forceNonLiteral = false;
};

struct ObjectConsItem
{
    ExprPtr key; // an ObjectConsKeyExpr (native) or a key template (JSON)
    ExprPtr value;
};

struct ObjectConsExpr : Expr
{
    ObjectConsExpr()
        : Expr(ExprKind::ObjectCons)
    {
    }
    QList<ObjectConsItem> items;
    SourceRange openRange;
};

struct ForExpr : Expr
{
    ForExpr()
        : Expr(ExprKind::For)
    {
    }
    QString keyVar; // empty if only a value variable
    QString valVar;
    ExprPtr collection;
    ExprPtr keyExpr; // set for object-producing `{for ...}`
    ExprPtr valExpr;
    ExprPtr condExpr; // optional `if`
    bool group = false; // `...` after the value in an object for
    SourceRange keyVarRange;
    SourceRange valVarRange;
    SourceRange openRange;
    SourceRange closeRange;
};

struct IndexExpr : Expr
{
    IndexExpr()
        : Expr(ExprKind::Index)
    {
    }
    ExprPtr collection;
    ExprPtr key;
    SourceRange bracketRange;
};

struct AnonSymbolExpr : Expr
{
    AnonSymbolExpr()
        : Expr(ExprKind::AnonSymbol)
    {
    }
};

struct SplatExpr : Expr
{
    SplatExpr()
        : Expr(ExprKind::Splat)
    {
    }
    ExprPtr source;
    ExprPtr each; // evaluated per element with `item` bound to the element
    std::shared_ptr<const AnonSymbolExpr> item;
    SourceRange markerRange; // the `.*` or `[*]`
};

struct ParenthesesExpr : Expr
{
    ParenthesesExpr()
        : Expr(ExprKind::Parentheses)
    {
    }
    ExprPtr inner;
};

// Every root-based traversal the expression refers to (hcl's Variables()), in
// source order, with the scoping of for-expression and splat symbols respected.
QList<Traversal> referencedVariables(const ExprPtr &expr);

namespace syntax {

struct Body;

// `name = expr`
struct Attribute
{
    QString name;
    ExprPtr expr;
    SourceRange range; // the whole attribute
    SourceRange nameRange;
    SourceRange equalsRange;
};

// `type "label" label2 { ... }`
struct Block
{
    QString type;
    QStringList labels;
    std::shared_ptr<Body> body;
    SourceRange range; // the whole block, through the closing brace
    SourceRange typeRange;
    QList<SourceRange> labelRanges;
    SourceRange openBraceRange;
    SourceRange closeBraceRange;

    // The header: type through the last label (hcl's Block.DefRange).
    SourceRange defRange() const;
};

// A native-syntax body: attributes and blocks in source order. Implements the
// schema-driven hcl::Body interface so Packer's decoding works on both syntaxes.
struct Body : hcl::Body
{
    QList<Attribute> attributes; // source order; names unique (duplicates are diagnosed)
    QList<Block> blocks; // source order
    SourceRange range;
    SourceRange endRange; // zero-width, just before the closing brace or at EOF
    // Names already consumed by an earlier partialContent(): the remain body
    // shares the items but hides these from further decoding (as hcl does).
    QSet<QString> hiddenAttrs;
    QSet<QString> hiddenBlocks;

    const Attribute *attribute(const QString &name) const;

    BodyContent content(const BodySchema &schema, Diagnostics &diags) const override;
    BodyContent partialContent(const BodySchema &schema, BodyPtr *remain, Diagnostics &diags) const override;
    QList<ContentAttribute> justAttributes(Diagnostics &diags) const override;
    SourceRange missingItemRange() const override;
};

} // namespace syntax

// A parsed file: the bytes it was parsed from (for diagnostics and surgical
// edits) and its body. The body is present even when there were errors: it holds
// everything the parser could recover.
struct File
{
    QString filename;
    QByteArray source;
    BodyPtr body; // a syntax::Body for native files, a json body for .json files
    // The body is held const; the parser created it mutable, and the designer
    // edits the tree it owns, so handing back a mutable pointer is deliberate.
    std::shared_ptr<syntax::Body> nativeBody() const
    {
        return std::const_pointer_cast<syntax::Body>(std::dynamic_pointer_cast<const syntax::Body>(body));
    }
};

} // namespace kiln::hcl
