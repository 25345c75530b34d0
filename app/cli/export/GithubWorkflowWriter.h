#pragma once

#include "app/cli/export/CiRunner.h"
#include "app/cli/export/TemplateSummary.h"

#include <QByteArray>

namespace kiln::cli {

// A GitHub Actions workflow that validates the template, then builds each of its builds
// as one job of a matrix over `-only` names. Variables come from the repository's
// `vars` (with the template's default) and, for sensitive ones, `secrets`: a value of a
// sensitive variable is never written.
class GithubWorkflowWriter
{
public:
    static QByteArray write(const TemplateSummary &t, const CiRunner &runner);

    // The expression an environment variable of the workflow gets for `v`.
    static QString variableExpression(const CiVariable &v);
};

} // namespace kiln::cli
