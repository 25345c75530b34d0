#pragma once

#include "engine/hcl/SourceRange.h"

#include <QList>
#include <QString>

namespace kiln::tmpl {

// `required_version = ">= 1.7"` in a `packer {}` block.
struct RequiredVersion
{
    QString constraint;
    hcl::SourceRange range; // the expression
};

// One entry of `required_plugins { name = { source = ..., version = ... } }`.
struct RequiredPlugin
{
    QString name;
    QString source;
    QString version;
    hcl::SourceRange range;
};

struct PackerBlock
{
    QList<RequiredVersion> requiredVersions;
    QList<RequiredPlugin> requiredPlugins;
};

} // namespace kiln::tmpl
