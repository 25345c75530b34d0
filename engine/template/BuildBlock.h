#pragma once

#include "engine/template/Components.h"

#include <QList>
#include <QString>

#include <memory>

namespace kiln::tmpl {

// A use of a source inside a build: `sources = ["source.t.n"]` or a
// `source "source.t.n" { name = "...", <overrides> }` block.
struct SourceUseBlock
{
    SourceRef ref;
    QString localName; // `name = ...` inside the block; empty otherwise
    hcl::BodyPtr body; // the overrides (null for a `sources = [...]` entry)
    hcl::SourceRange range; // where the use is written

    QString effectiveName() const { return localName.isEmpty() ? ref.name : localName; }
    // "type.name" with the local name if any, as Packer prints and filters it.
    QString toString() const { return ref.type + QLatin1Char('.') + effectiveName(); }
};

// A `build {}` block.
struct BuildBlock
{
    QString name;
    QString description;
    QList<SourceUseBlock> sources;
    QList<ProvisionerBlock> provisioners;
    std::optional<ProvisionerBlock> errorCleanupProvisioner;
    // Each inner list is a chain: a lone `post-processor` is a chain of one.
    QList<QList<PostProcessorBlock>> postProcessorLists;
    hcl::SourceRange defRange;
};

} // namespace kiln::tmpl
