#pragma once

// Schema-driven access to a body, as hcl.Body: the caller says which attributes
// and block types it expects, and gets them back with diagnostics for anything
// missing or unexpected. Both the native syntax (syntax::Body in Ast.h) and the
// JSON syntax (json::JsonBody) implement it; Packer's rules (engine/template) are
// written against this interface only.

#include "engine/hcl/Diagnostic.h"
#include "engine/hcl/SourceRange.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace kiln::hcl {

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;
class Body;
using BodyPtr = std::shared_ptr<const Body>;

struct AttributeSchema
{
    QString name;
    bool required = false;
};

struct BlockHeaderSchema
{
    QString type;
    QStringList labelNames; // e.g. {"type", "name"} for `source "docker" "x"`
};

struct BodySchema
{
    QList<AttributeSchema> attributes;
    QList<BlockHeaderSchema> blocks;
};

struct ContentAttribute
{
    QString name;
    ExprPtr expr;
    SourceRange range;
    SourceRange nameRange;
};

struct ContentBlock
{
    QString type;
    QStringList labels;
    BodyPtr body;
    SourceRange defRange; // the header: type and labels, up to the opening brace
    SourceRange typeRange;
    QList<SourceRange> labelRanges;
};

struct BodyContent
{
    QList<ContentAttribute> attributes; // source order
    QList<ContentBlock> blocks; // source order
    SourceRange missingItemRange;

    const ContentAttribute *attribute(const QString &name) const
    {
        for (const auto &a : attributes)
            if (a.name == name)
                return &a;
        return nullptr;
    }
    QList<ContentBlock> blocksOfType(const QString &type) const
    {
        QList<ContentBlock> out;
        for (const auto &b : blocks)
            if (b.type == type)
                out.append(b);
        return out;
    }
};

class Body
{
public:
    virtual ~Body() = default;

    // Everything in the body must match the schema; anything else is an error
    // with HCL's wording ("Unsupported argument", "Unsupported block type",
    // "Missing required argument", "Extraneous label for ...", "Missing name for ...").
    virtual BodyContent content(const BodySchema &schema, Diagnostics &diags) const = 0;
    // As content(), but items not in the schema are left in *remain (a body of
    // the same syntax) instead of being errors.
    virtual BodyContent partialContent(const BodySchema &schema, BodyPtr *remain, Diagnostics &diags) const = 0;
    // The body as attributes only (blocks are an error: "Unexpected ... block").
    virtual QList<ContentAttribute> justAttributes(Diagnostics &diags) const = 0;
    // Where to point a "missing required argument" diagnostic.
    virtual SourceRange missingItemRange() const = 0;
};

} // namespace kiln::hcl
