#pragma once

#include "engine/template/legacy/InterpolateContext.h"

#include <QString>
#include <QVariantMap>

namespace kiln::components {

// Renders the Go text/template strings of configuration-management provisioners
// (execute_command, install_command, extra_arguments, Chef's solo.rb template) the way
// Packer's interpolate.Render does with `ctx.Data` set to the plugin's template struct:
// `data` holds every field of that struct, and `structName` makes a misspelt field Go's
// "can't evaluate field" error instead of "<no value>".
class CmTemplate
{
public:
    static QString render(const QString &text, const tmpl::legacy::InterpolateContext &base,
        const QVariantMap &data, const QString &structName, QString *error);
};

} // namespace kiln::components
