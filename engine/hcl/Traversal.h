#pragma once

#include "engine/hcl/SourceRange.h"
#include "engine/hcl/value/Value.h"

#include <QList>

namespace kiln::hcl {

// One step of a static traversal, as hcl.Traverser: the root name, `.attr`,
// `[literal key]` or a legacy `.0` index, or a splat marker (only inside splats).
struct TraversalStep
{
    enum class Kind { Root, Attr, Index, Splat };
    Kind kind = Kind::Root;
    QString name; // Root and Attr
    Value key; // Index
    SourceRange range;
};

// `var.foo[0].bar`: a root step followed by attribute and index steps.
struct Traversal
{
    QList<TraversalStep> steps;

    bool isEmpty() const { return steps.isEmpty(); }
    bool isRelative() const { return steps.isEmpty() || steps.first().kind != TraversalStep::Kind::Root; }
    QString rootName() const { return isRelative() ? QString() : steps.first().name; }
    SourceRange range() const
    {
        return steps.isEmpty() ? SourceRange() : SourceRange::between(steps.first().range, steps.last().range);
    }
    SourceRange sourceRange() const { return range(); }
};

} // namespace kiln::hcl
