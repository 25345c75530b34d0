#pragma once

#include <QStringList>

namespace kiln::components {

// The checks Packer's shell and shell-local provisioners share in their Prepare: the
// scripts they name must exist, environment_vars must be "key=value" pairs.
class ShellScriptSettings
{
public:
    // Packer's "Bad script '<path>': <stat error>" for each missing script.
    static QStringList badScripts(const QStringList &paths);
    // Packer's check of environment_vars: "Environment variable not in format 'key=value': x".
    static QStringList environmentVarErrors(const QStringList &keyValues);
};

} // namespace kiln::components
