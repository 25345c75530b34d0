#pragma once

#include "engine/hcl/Ast.h"
#include "engine/hcl/Diagnostic.h"

#include <QString>

namespace kiln::tmpl {

// The one place where template and variable files become hcl::File: native
// syntax for *.hcl, HCL's JSON syntax for *.json. Read errors use hclparse's
// wording ("Failed to read file").
class TemplateFileParser
{
public:
    static hcl::File parseFile(const QString &path, hcl::Diagnostics &diags);
    static hcl::File parseHcl(const QByteArray &bytes, const QString &filename, hcl::Diagnostics &diags);
    static hcl::File parseJson(const QByteArray &bytes, const QString &filename, hcl::Diagnostics &diags);
};

} // namespace kiln::tmpl
