#pragma once

// Packer's function table: the HCL standard library (engine/hcl/functions) plus
// the functions that reach outside the template: env (the template layer allows
// it only in variable defaults), vault, consul_key, aws_secretsmanager and
// aws_secretsmanager_raw.

#include "engine/hcl/eval/Function.h"

#include <QString>

#include <memory>

namespace kiln::tmpl {

std::shared_ptr<const hcl::FunctionTable> packerFunctions(const QString &baseDir);

// The contextual functions alone, for callers assembling their own tables.
void addEnvFunction(hcl::FunctionTable &table);
void addVaultFunction(hcl::FunctionTable &table);
void addConsulFunction(hcl::FunctionTable &table);
void addAwsSecretsManagerFunctions(hcl::FunctionTable &table);

} // namespace kiln::tmpl
