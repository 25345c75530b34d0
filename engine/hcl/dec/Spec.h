#pragma once

// hcldec: decoding a body into one value by a declarative specification, as
// hashicorp/hcl's hcldec package. Kiln uses it to run HCL's language test suite
// and it is the general form of what the template layer does per block.

#include "engine/hcl/Body.h"
#include "engine/hcl/Traversal.h"
#include "engine/hcl/eval/EvalContext.h"
#include "engine/hcl/value/Value.h"

#include <QList>
#include <QString>

#include <memory>

namespace kiln::hcl::dec {

struct Spec;
using SpecPtr = std::shared_ptr<const Spec>;

struct Spec
{
    enum class Kind {
        Object, // attributes named by `children` keys
        Tuple, // values of `elements` in order
        Attr, // an attribute, converted to `type`
        Block, // at most one nested block
        BlockList, // every block of a type, as a list (tuple if the type is dynamic)
        BlockSet, // as BlockList, as a set
        BlockMap, // blocks keyed by their labels
        Literal, // a fixed value
        Default, // `primary`, or `fallback` where primary is null
    };
    Kind kind = Kind::Object;

    QList<QPair<QString, SpecPtr>> children; // Object
    QList<SpecPtr> elements; // Tuple
    QString name; // Attr: attribute name; Block*: block type
    Type type = Type::dynamic(); // Attr
    bool required = false; // Attr, Block
    SpecPtr nested; // Block*
    QStringList labelNames; // BlockMap
    int minItems = 0; // BlockList/BlockSet
    int maxItems = 0; // 0: no limit
    Value value; // Literal
    SpecPtr primary; // Default
    SpecPtr fallback; // Default
};

// The schema a spec expects of a body (hcldec.ImpliedSchema).
BodySchema impliedSchema(const SpecPtr &spec);
// The type decode() produces for the spec (hcldec.ImpliedType).
Type impliedType(const SpecPtr &spec);
// Decodes the body (hcldec.Decode): content is read strictly by impliedSchema.
Value decode(const BodyPtr &body, const SpecPtr &spec, const EvalContext *ctx, Diagnostics &diags);
// Every variable the body refers to where the spec would evaluate (hcldec.Variables).
QList<Traversal> variables(const BodyPtr &body, const SpecPtr &spec);

} // namespace kiln::hcl::dec
