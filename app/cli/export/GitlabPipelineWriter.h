#pragma once

#include "app/cli/export/CiRunner.h"
#include "app/cli/export/TemplateSummary.h"

#include <QByteArray>

namespace kiln::cli {

// A .gitlab-ci.yml with a validate stage and a build stage whose job runs once per build
// (`parallel: matrix:` over `-only` names). Non-sensitive variables carry the template's
// default (a project CI/CD variable of the same name overrides it); sensitive ones
// reference a masked CI/CD variable and are never written.
class GitlabPipelineWriter
{
public:
    static QByteArray write(const TemplateSummary &t, const CiRunner &runner);

    // The value the pipeline's `variables:` gives `v`.
    static QString variableValue(const CiVariable &v);
};

} // namespace kiln::cli
