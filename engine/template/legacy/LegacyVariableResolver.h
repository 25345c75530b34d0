#pragma once

#include "engine/hcl/Diagnostic.h"
#include "engine/template/legacy/InterpolateContext.h"
#include "engine/template/legacy/LegacyTemplate.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace kiln::tmpl::legacy {

// Computes the user variables of a legacy template as packer/core.go does:
// required variables must be given (-var / -var-file values in `given`),
// then every default is rendered with env/user/consul/vault allowed,
// repeatedly, so that variables may refer to other variables in any order;
// `{{ .Field }}` actions are left for later (build-time) rendering.
class LegacyVariableResolver
{
public:
    struct Result
    {
        QMap<QString, QString> values;
        QStringList secrets; // values of sensitive-variables, for masking
        hcl::Diagnostics diagnostics;
    };

    // `base` supplies template path, packer version, environment and time;
    // its userVariables and enableEnv are managed here.
    static Result resolve(const LegacyTemplate &tmpl, const QMap<QString, QString> &given,
                          InterpolateContext base = {});
};

} // namespace kiln::tmpl::legacy
