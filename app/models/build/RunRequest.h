#pragma once

#include "engine/build/BuildOptions.h"
#include "engine/template/TemplateLoader.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace kiln::models {

// What the designer's Run button asks for: the flags of `kiln build` that matter in a window.
struct RunRequest
{
    QString path; // a template file or a directory of HCL2 files
    QList<tmpl::VarSetting> vars; // -var and -var-file, in order
    QStringList only;
    QStringList except;
    build::BuildOptions options; // -debug, -force, -on-error
    int parallel = 0; // -parallel-builds (0: no limit)
    bool warnOnUndeclaredVar = false;
};

} // namespace kiln::models
