#pragma once

#include "engine/build/BuildPlan.h"
#include "engine/build/CancelToken.h"
#include "engine/hcl/Diagnostic.h"
#include "engine/template/TemplateLoader.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

namespace kiln::tmpl {
class Template;
}

namespace kiln::build {

struct PlanRequest
{
    QString path; // a file or a directory of HCL2 files
    QList<tmpl::VarSetting> vars; // -var and -var-file, in command-line order
    QStringList only;
    QStringList except;
    bool warnOnUndeclaredVar = false;
    CancelTokenPtr cancel; // for data sources; a fresh token when null
};

struct PlanResult
{
    QList<BuildPlan> plans;
    hcl::Diagnostics diagnostics; // warnings, and the errors of the stage that failed
    QString error; // a failure that is not a template diagnostic (an unreadable -var-file)
    QHash<QString, QByteArray> sources; // file contents, for diagnostic snippets
    QStringList secrets; // sensitive values seen so far: scrub them from everything printed
    // HCL2 plans point into the template's bodies: keep it alive as long as the plans.
    std::shared_ptr<tmpl::Template> tmpl;
    bool failed = false;

    // Adds the diagnostics of one stage; true when the stage failed and planning stops
    // (each stage stops the pipeline at its first error, as `packer build` does).
    bool stageFailed(const hcl::Diagnostics &diags)
    {
        diagnostics += diags;
        failed = diags.hasErrors();
        return failed;
    }
};

} // namespace kiln::build
