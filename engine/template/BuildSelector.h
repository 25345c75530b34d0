#pragma once

#include "engine/hcl/Diagnostic.h"
#include "engine/hcl/eval/EvalContext.h"
#include "engine/registry/Registry.h"
#include "engine/template/Template.h"

#include <QList>
#include <QStringList>

namespace kiln::tmpl {

struct BuildSelectionOptions
{
    QStringList only; // -only patterns (globs on build names)
    QStringList except; // -except patterns (build names, and post-processor names/types)
    // When set, every component is checked against its ConfigSchema (validate).
    const registry::Registry *registry = nullptr;
};

// One build to run: a source used by a build block, with the provisioners and
// post-processors that apply to it (only/except already applied). Packer's
// CoreBuild before it is started.
struct PlannedBuild
{
    QString name; // "type.name" or "buildname.type.name": what -only, the UI and the manifest use
    QString buildName; // the build block's name (may be empty)
    QString builderType;
    SourceUseBlock source; // body: the source definition merged with the build's overrides
    QList<ProvisionerBlock> provisioners;
    std::optional<ProvisionerBlock> errorCleanupProvisioner;
    QList<QList<PostProcessorBlock>> postProcessors; // chains, excluded steps removed
};

// Packer's PackerConfig.GetBuilds.
class BuildSelector
{
public:
    static QList<PlannedBuild> select(const Template &tpl, const BuildSelectionOptions &options,
                                      hcl::Diagnostics &diags);

    // The context component bodies of one planned build are evaluated in:
    // source {type, name} and build {name, <unknown connection values>}.
    static hcl::EvalContext buildContext(const Template &tpl, const PlannedBuild &build);

    // Packer's initializeBlocks: every component type used exists in the
    // registry, every source a build uses is declared; merges each use's body
    // with the source definition. Without a registry only the sources are checked.
    static hcl::Diagnostics resolveComponents(Template &tpl, const registry::Registry *registry);
};

} // namespace kiln::tmpl
