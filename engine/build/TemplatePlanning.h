#pragma once

// From a template on disk to prepared builds, the same way for `kiln build` and for the
// designer's Run button: load (HCL2 or legacy JSON), apply variables, run data sources,
// select builds with -only/-except, plan them, and prepare every component. Each stage
// stops the pipeline at its first error, as `packer build` does; warnings of earlier
// stages are kept so the caller can print them in order.

#include "engine/build/Build.h"
#include "engine/build/BuildPlan.h"
#include "engine/build/CancelToken.h"
#include "engine/build/PlanRequest.h"
#include "engine/build/SecretFilter.h"
#include "engine/hcl/Diagnostic.h"
#include "engine/template/TemplateLoader.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

namespace kiln::registry {
class Registry;
}
namespace kiln::tmpl {
class Template;
}

namespace kiln::build {

// Plans every selected build of the template at request.path.
PlanResult planTemplate(const PlanRequest &request, const registry::Registry &registry);

struct PreparedBuilds
{
    QList<std::shared_ptr<Build>> builds;
    hcl::Diagnostics diagnostics; // one error per failed prepare; empty when all are ready
    std::shared_ptr<SecretFilter> secrets; // every plan's secrets
};

// Creates a Build per plan and prepares it (no side effects on the machine).
PreparedBuilds prepareBuilds(const QList<BuildPlan> &plans);

} // namespace kiln::build
