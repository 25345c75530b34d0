#pragma once

#include "engine/build/PlanRequest.h"
#include "engine/template/legacy/LegacyTemplateParser.h"

namespace kiln::registry {
class Registry;
}

namespace kiln::build {

// planTemplate() for a legacy JSON template, which has no data sources: parse, apply
// -var/-var-file to the variables section, select builds with -only/-except, plan them.
// Needs nothing of the build runtime, so `kiln validate` plans with it too.
void planLegacyTemplate(
    const PlanRequest &request, const registry::Registry &registry, PlanResult &result);
// The same for a template already read (request.path still names it).
void planLegacyTemplate(const tmpl::legacy::LegacyParseResult &parsed, const PlanRequest &request,
    const registry::Registry &registry, PlanResult &result);

} // namespace kiln::build
