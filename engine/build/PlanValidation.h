#pragma once

#include "engine/build/BuildPlan.h"
#include "engine/hcl/Diagnostic.h"
#include "engine/registry/Registry.h"
#include "engine/template/BuildSelector.h"
#include "engine/template/legacy/LegacyTemplate.h"

#include <QList>

namespace kiln::build {

// `kiln validate`'s last stage, Packer's GetBuilds: every component of the planned builds
// is prepared as `kiln build` prepares it (the same decoding and the same checks: the
// components' settings, build::ComponentSettings, which is all their prepare() does),
// nothing runs, and the failures become diagnostics in the wording, order and places
// `packer validate` reports them. Needs only the components' descriptions.
class PlanValidation
{
public:
    // HCL2 (hcl2template PackerConfig.GetBuilds), per build: the builder's error (its
    // text as the summary, at the source block) ends that build's checks; then every
    // provisioner, every post-processor and the error-cleanup-provisioner, each stage
    // ending the build's checks when one of its blocks failed. Each failure is
    // "Failed preparing <kind>-block ..." at the block.
    static hcl::Diagnostics hcl2(const QList<BuildPlan> &plans);
    // The builds BuildSelector picked, planned as `kiln build` plans them (BuildPlanner),
    // then the above; a builder's failure is at its top-level source block, as Packer's.
    static hcl::Diagnostics hcl2(const tmpl::Template &tpl, const QList<tmpl::PlannedBuild> &builds,
        const registry::Registry &registry);

    // Legacy JSON (packer.Core.Build and CoreBuild.Prepare): a build's first failure only,
    // as "Failed to prepare build: \"name\"", builds in name order as Core lists them.
    static hcl::Diagnostics legacy(const QList<BuildPlan> &plans);

    // Components Kiln knows the schema of but cannot run (no settings) have no prepare:
    // validation checks them against their schema only. The HCL2 entry point leaves
    // them out itself (a build without a runnable builder entirely); for a legacy
    // template, these are the builds to leave out of planning, by name.
    static QStringList unpreparableBuilds(
        const tmpl::legacy::LegacyTemplate &tpl, const registry::Registry &registry);
};

} // namespace kiln::build
