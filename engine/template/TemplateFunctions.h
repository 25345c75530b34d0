#pragma once

#include "engine/hcl/eval/Function.h"

#include <QString>

#include <memory>

namespace kiln::tmpl {

// Every function a template expression may call (HCL's standard library plus
// Packer's own, env included), file functions resolving against `basedir`.
// Tables are built once per base directory and shared.
std::shared_ptr<const hcl::FunctionTable> templateFunctions(const QString &basedir);

// Only `env`: the context Packer gives variable defaults.
std::shared_ptr<const hcl::FunctionTable> variableDefaultFunctions(const QString &basedir);

} // namespace kiln::tmpl
