#pragma once

#include "engine/build/BuildPlan.h"
#include "engine/registry/Registry.h"
#include "engine/template/BuildSelector.h"
#include "engine/template/Template.h"

namespace kiln::build {

// Turns the builds BuildSelector picked from an HCL2 template into BuildPlans. Every
// component type must be known to the registry and runnable (have a factory); anything
// else is a diagnostic at the block.
class BuildPlanner
{
public:
    static QList<BuildPlan> plan(const tmpl::Template &tpl, const QList<tmpl::PlannedBuild> &builds,
                                 const registry::Registry &registry, hcl::Diagnostics &diags);
};

} // namespace kiln::build
