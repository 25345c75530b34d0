#pragma once

#include "engine/registry/ConfigSchema.h"

#include <QList>
#include <QString>

namespace kiln::models {

// A block type Packer itself defines (not a component), as completion offers it.
struct PackerBlockType
{
    QString name;
    int labels = 0; // how many labels its header takes
    QString help;
};

// The block types allowed at the top level of an HCL2 template, in Packer's order.
const QList<PackerBlockType> &topLevelBlockTypes();

// The arguments and nested blocks of Packer's own blocks, described with the registry's
// Field vocabulary so completion treats them like component schemas. Nested block fields
// whose content comes from the registry (provisioner, post-processor, source) carry an
// empty nested schema; the resolver looks their type up instead.
const registry::ConfigSchema &buildBlockSchema();
const registry::ConfigSchema &postProcessorsBlockSchema();
const registry::ConfigSchema &variableBlockSchema();
const registry::ConfigSchema &packerBlockSchema();
// Arguments a build-level `source "type.name" {}` block adds to the builder's own.
const registry::ConfigSchema &buildSourceExtraSchema();

// The arguments of a `dynamic "NAME"` block (HCL's dynblock extension, which Packer
// enables in component blocks); its `content` block takes NAME's own schema.
const registry::ConfigSchema &dynamicBlockSchema();

// The type keywords of a variable's `type` argument.
const QStringList &typeKeywords();

} // namespace kiln::models
